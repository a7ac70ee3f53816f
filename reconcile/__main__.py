"""Allow `python -m reconcile`, the same entry point as the console script."""

from reconcile.cli import main

main()

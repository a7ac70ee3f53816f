"""reconcile: weekly reconciliation of news mentions against dated OFAC SDN list snapshots.

The public API is deliberately small; the CLI (`reconcile`) is a thin layer over it. Heavy optional
libraries (spaCy, pyspark) are never imported here: they load lazily where they are used.
"""

from reconcile.errors import InputError, NotFound, ReconcileError, RefusedSnapshot, StoreError

__version__ = "0.1.0"

__all__ = [
    "InputError",
    "NotFound",
    "ReconcileError",
    "RefusedSnapshot",
    "StoreError",
    "__version__",
]

"""The Spark package and the engine switch load without pyspark until Spark is asked for."""

from __future__ import annotations

import subprocess
import sys


def test_engine_import_does_not_import_pyspark() -> None:
    code = "import sys, reconcile, reconcile.spark, reconcile.spark.engine; print('pyspark' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_unknown_engine_is_refused() -> None:
    import pytest

    from reconcile.errors import InputError
    from reconcile.spark.engine import screen_with_engine

    with pytest.raises(InputError, match="unknown engine 'polars'"):
        screen_with_engine(None, [], engine="polars")  # type: ignore[arg-type]

"""Jaro-Winkler on Spark that gives DuckDB's numbers, so both engines put a pair in the same level.

Splink's Spark jar implements `jaro_winkler` with Apache commons-text, which counts transpositions as
half the out-of-order matches *without* rounding down; DuckDB's `jaro_winkler_similarity` (rapidfuzz's
algorithm) rounds the half down, and its build computes the Winkler step with a fused multiply-add.
They agree on most pairs and disagree on some names with repeated letters: abdurehman / abderahmane is
0.882 on DuckDB and 0.869 with Splink's jar, either side of the model's 0.88 token threshold, so the same
query got a candidate on one engine and not on the other (found on the dev names). The model was
trained on DuckDB, so DuckDB's definition is the one both engines must use.

The replacement is a small Java UDF (`java/reconcile/spark/JaroWinkler.java`, shipped with the package
as source). It has to be a JVM function: the model's token levels call jaro_winkler inside Spark lambdas
(`exists(tokens_r, y -> ...)`), where Spark refuses Python UDFs and SQL UDFs alike. It is compiled once
per machine with the JDK's `javac` into a cached jar that the session puts on `spark.jars`, so Spark ships
it to every executor as it does Splink's own jar. Without a JDK the session still starts, with Splink's
jaro_winkler and a warning that rare pairs may then score differently from DuckDB.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from pyspark.errors import AnalysisException
from pyspark.sql import SparkSession
from pyspark.sql.types import DoubleType

__all__ = ["JAVA_CLASS", "load_on_driver", "register_jaro_winkler", "udf_jar"]

log = logging.getLogger(__name__)

#: The UDF's class, and its source under this package.
JAVA_CLASS = "reconcile.spark.JaroWinkler"
_SOURCE = Path(__file__).resolve().parent / "java" / "reconcile" / "spark" / "JaroWinkler.java"


def _spark_api_jar() -> Path | None:
    import pyspark

    jars = sorted((Path(pyspark.__file__).resolve().parent / "jars").glob("spark-sql-api_*.jar"))
    return jars[0] if jars else None


def udf_jar() -> Path | None:
    """The compiled UDF jar, built on first use and cached by source hash; None when it cannot be built.

    The cache lives in the system temp folder (`reconcile-spark-udf-<hash>.jar`): rebuilding it costs a few
    seconds, and a changed source gets a new name, so a stale jar is never picked up.
    """
    source = _SOURCE.read_bytes()
    target = (
        Path(tempfile.gettempdir()) / f"reconcile-spark-udf-{hashlib.sha256(source).hexdigest()[:16]}.jar"
    )
    if target.is_file():
        return target
    javac = shutil.which("javac")
    api = _spark_api_jar()
    if javac is None or api is None:
        log.warning(
            "cannot build the DuckDB-compatible jaro_winkler (needs a JDK's javac and pyspark's jars); "
            "Spark will use Splink's jaro_winkler, which scores some names differently from DuckDB"
        )
        return None
    with tempfile.TemporaryDirectory(prefix="reconcile-udf-") as build:
        subprocess.run(
            [javac, "--release", "17", "-cp", str(api), "-d", build, str(_SOURCE)],
            check=True,
            capture_output=True,
        )
        part = target.with_suffix(".part")
        with zipfile.ZipFile(part, "w") as jar:
            for cls in sorted(Path(build).rglob("*.class")):
                jar.write(cls, cls.relative_to(build).as_posix())
        part.replace(target)  # atomic: a concurrent process sees a whole jar or none
    return target


def register_jaro_winkler(spark: SparkSession) -> bool:
    """Make `jaro_winkler` in this session DuckDB's Jaro-Winkler; False (and a warning) if unavailable.

    Call it after every `SparkAPI(...)`: creating one re-registers Splink's function under that name.
    """
    try:
        spark.udf.registerJavaFunction("jaro_winkler", JAVA_CLASS, DoubleType())
    except AnalysisException as exc:  # the class is not on the session's classpath (no jar built)
        log.warning("DuckDB-compatible jaro_winkler not loaded (%s); using Splink's", type(exc).__name__)
        return False
    return True


def load_on_driver(spark: SparkSession, jars: list[str]) -> None:
    """Put the UDF jars on the driver's class loader when the JVM was started without them.

    A JVM started by `spark-submit` has only the jars it was given on its classpath; `spark.jars` set
    afterwards reaches the executors but not the driver, where Spark resolves a Java UDF's class at
    registration. This is what SQL's `ADD JAR` does, called directly (no SQL text to build).
    """
    try:
        spark.udf.registerJavaFunction("jaro_winkler", JAVA_CLASS, DoubleType())
        return
    except AnalysisException:
        pass
    loader = spark._jsparkSession.sessionState().resourceLoader()
    for jar in jars:
        loader.addJar(jar)

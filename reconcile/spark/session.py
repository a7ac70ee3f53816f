"""A SparkSession set up for Splink: local mode for one machine, or any master URL for a cluster.

What Splink needs from the session, and why each setting is here:
- Splink's similarity jar on `spark.jars` (jaro_winkler and friends are Scala UDFs, not Spark built-ins),
  plus our jar with DuckDB's Jaro-Winkler (similarity.py); Spark ships both from the driver to every
  executor, so nothing is installed on the workers for them.
- A checkpoint directory: Splink's Spark backend breaks long query lineages by writing intermediate
  tables as Parquet under it. Local mode uses a temporary folder removed on close; on a cluster it must
  be a path every executor can write (HDFS, S3, NFS), given as `checkpoint_dir`.
- Few shuffle partitions in local mode: Spark's default of 200 turns a 2-core run into thousands of tiny
  tasks (Splink also repartitions to half this number after blocking).

Under `spark-submit` the master and resources come from the submit command: leave `master` as None and
`getOrCreate()` picks them up; a master given here overrides them.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from typing import Any

from pyspark import SparkConf, SparkContext
from pyspark.sql import SparkSession
from splink.backends.spark import similarity_jar_location

from reconcile.spark.similarity import load_on_driver, udf_jar

__all__ = ["DEFAULT_LOCAL_MASTER", "SparkHandle", "SparkOptions", "open_spark"]

log = logging.getLogger(__name__)

#: Master used when none is given and spark-submit set none: every local core.
DEFAULT_LOCAL_MASTER = "local[*]"


@dataclass(frozen=True)
class SparkOptions:
    """How to start Spark. Every field has a default that suits one machine.

    Attributes:
        master: `local[N]`, `spark://host:7077`, `yarn`, `k8s://...`; None: spark-submit's, else local[*].
        shuffle_partitions: `spark.sql.shuffle.partitions`; None: 2 per local core, Spark's own on a cluster.
        checkpoint_dir: where Splink writes intermediate Parquet; None: the `spark.checkpoint.dir` setting,
            else a temporary local folder (only valid in local mode: executors elsewhere cannot reach it).
        driver_memory: `spark.driver.memory`, only honoured when this process starts the JVM.
        app_name: shown in the Spark UI.
        conf: any further Spark settings, applied last.
    """

    master: str | None = None
    shuffle_partitions: int | None = None
    checkpoint_dir: str | None = None
    driver_memory: str = "3g"
    app_name: str = "reconcile"
    conf: dict[str, str] = field(default_factory=dict)


class SparkHandle:
    """A running session plus what must be cleaned up with it (its temporary folder)."""

    def __init__(self, session: SparkSession, checkpoint_dir: str, owned_tmp: str) -> None:
        self.session = session
        self.checkpoint_dir = checkpoint_dir
        self._owned_tmp = owned_tmp

    @property
    def master(self) -> str:
        """The master the session runs on (what a report should say was used)."""
        return str(self.session.sparkContext.master)

    @property
    def parallelism(self) -> int:
        """Cores Spark schedules tasks on (local[N]: N)."""
        return int(self.session.sparkContext.defaultParallelism)

    def close(self) -> None:
        """Stop the session and remove its temporary folder (warehouse, and checkpoints unless given)."""
        self.session.stop()
        shutil.rmtree(self._owned_tmp, ignore_errors=True)

    def __enter__(self) -> SparkHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _local_cores(master: str) -> int | None:
    # "local" -> 1, "local[4]" -> 4, "local[*]" -> this machine's cores; None for a cluster master.
    if master == "local":
        return 1
    if master.startswith("local["):
        n = master[len("local[") :].split("]", 1)[0].split(",", 1)[0]
        return (os.cpu_count() or 1) if n == "*" else int(n)
    return None


def open_spark(options: SparkOptions | None = None) -> SparkHandle:
    """Start (or join) a SparkSession with Splink's jar, shuffle partitions and a checkpoint folder.

    Args:
        options: how to start; default local mode on every core.

    Returns:
        A handle; close it (or use it as a context manager) to stop Spark and remove temporary files.
    """
    opts = options or SparkOptions()
    ours = [similarity_jar_location(), *([str(j)] if (j := udf_jar()) else [])]
    # Attach to spark-submit's JVM, or start one with our driver memory and jars on its classpath, so the
    # settings spark-submit was given (--master, --jars, --conf) can be read and kept, not overridden.
    launch = SparkConf(loadDefaults=False).set("spark.driver.memory", opts.driver_memory)
    SparkContext._ensure_initialized(conf=launch.set("spark.jars", ",".join(ours)))
    submitted = SparkConf()
    master = opts.master or submitted.get("spark.master") or DEFAULT_LOCAL_MASTER
    builder: Any = SparkSession.builder.appName(opts.app_name).master(master)
    jars = [j for j in (submitted.get("spark.jars") or "").split(",") if j and j not in ours]
    builder = builder.config("spark.jars", ",".join([*jars, *ours]))
    cores = _local_cores(master)
    partitions = opts.shuffle_partitions or (2 * cores if cores else None)
    if partitions:
        builder = builder.config("spark.sql.shuffle.partitions", str(partitions))
    builder = builder.config("spark.driver.memory", opts.driver_memory)
    # Arrow moves data between the JVM and Python (createDataFrame from Arrow, toArrow, mapInPandas).
    builder = builder.config("spark.sql.execution.arrow.pyspark.enabled", "true")
    builder = builder.config("spark.ui.showConsoleProgress", "false")
    # Splink's catalog calls would otherwise create ./spark-warehouse wherever the command runs.
    owned = tempfile.mkdtemp(prefix="reconcile-spark-")
    builder = builder.config("spark.sql.warehouse.dir", os.path.join(owned, "warehouse"))
    for key, value in opts.conf.items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    if cores:
        # Local Python workers run this interpreter, so they import this checkout and its venv (pyspark
        # would otherwise start whatever `python3` is on PATH). On a cluster the executors' Python comes
        # from spark-submit (PYSPARK_PYTHON, --archives), not from here.
        session.sparkContext.pythonExec = sys.executable
    # Under spark-submit, `--conf spark.checkpoint.dir=hdfs:///...` names the shared folder.
    ckpt = opts.checkpoint_dir or session.sparkContext.getConf().get("spark.checkpoint.dir")
    if ckpt is None:
        if cores is None:
            log.warning("no checkpoint folder given for cluster master %s; using a local temp folder", master)
        ckpt = os.path.join(owned, "checkpoints")
    session.sparkContext.setCheckpointDir(ckpt)
    load_on_driver(session, ours)
    return SparkHandle(session, ckpt, owned)

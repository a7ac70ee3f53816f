"""Every RECONCILE_* environment variable and default, read in this one place."""

from __future__ import annotations

import os
from pathlib import Path

#: Default DuckDB file when neither --db nor $RECONCILE_DB is given: beside where the analyst works.
DEFAULT_DB_NAME = "reconcile.duckdb"

#: The official OFAC "legacy CSV" download folder (Sanctions List Service). SDN.CSV is required there;
#: ALT.CSV, ADD.CSV and SDN_COMMENTS.CSV are fetched too when the server has them.
OFAC_DOWNLOAD_URL = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"

#: Refuse a snapshot whose entry count falls by more than this fraction against the previous one.
MAX_SHRINK_FRACTION = 0.10

#: Download limits: a legacy SDN.CSV is about 4 MB; 200 MB means something is wrong.
DOWNLOAD_TIMEOUT_S = 60.0
DOWNLOAD_RETRIES = 3
DOWNLOAD_MAX_BYTES = 200 * 1024 * 1024


def db_path() -> Path:
    """The store the CLI opens when --db is not given: $RECONCILE_DB, else reconcile.duckdb here."""
    return Path(os.environ.get("RECONCILE_DB", DEFAULT_DB_NAME))


def download_url() -> str:
    """Where `snapshot add` fetches when told to download: $RECONCILE_OFAC_URL, else the official address."""
    return os.environ.get("RECONCILE_OFAC_URL", OFAC_DOWNLOAD_URL)


def shared_dir() -> Path:
    """The read-only ../shared folder (eval sets, snapshots) for tests and benchmarks: $RECONCILE_SHARED."""
    default = Path(__file__).resolve().parent.parent.parent / "shared"
    return Path(os.environ.get("RECONCILE_SHARED", str(default)))


def reviewer() -> str:
    """Who a review decision is recorded as when --by is not given: $RECONCILE_REVIEWER, else the login name."""
    name = os.environ.get("RECONCILE_REVIEWER")
    if name:
        return name
    try:
        import getpass

        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"

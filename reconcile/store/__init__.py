"""The DuckDB store: opening, migrating, transactions, and the one SQL loader."""

from reconcile.store.db import Store, open_store
from reconcile.store.sql import load_sql, quote_ident

__all__ = ["Store", "load_sql", "open_store", "quote_ident"]

import re
from pathlib import Path

import pytest

from reconcile.resources import sql_dir
from reconcile.store import load_sql

QUERY_FILES = sorted(p for p in sql_dir().rglob("*.sql") if p.parent.name != "schema")
PACKAGE = Path(__file__).resolve().parents[2] / "reconcile"


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: str(p.relative_to(sql_dir())))
def test_every_query_file_prepares_on_a_fresh_store(store, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.lstrip().startswith("--"), "each query file opens with a header comment"
    if "stage_" in text:
        # Reads a relation the code registers just before running it: parse only (no binding).
        parsed = store.con.execute("SELECT json_serialize_sql($q)", {"q": text}).fetchall()[0][0]
        assert '"error":false' in parsed.replace(" ", ""), parsed
        return
    store.con.execute("PREPARE q AS " + text.strip().rstrip(";"))
    store.con.execute("DEALLOCATE q")


def test_every_load_sql_name_in_the_code_exists() -> None:
    names = set()
    for py in PACKAGE.rglob("*.py"):
        names |= set(re.findall(r'load_sql\(\s*"([^"]+)"', py.read_text(encoding="utf-8")))
    assert names, "the code loads SQL by name"
    for name in sorted(names):
        assert load_sql(name)

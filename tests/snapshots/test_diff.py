import csv
import io
from pathlib import Path

import pytest

from reconcile.errors import NotFound
from reconcile.snapshots.catalog import latest_two, list_snapshots, resolve_snapshot
from reconcile.snapshots.diff import diff_snapshots


def _rows(path: Path) -> dict[int, list[str]]:
    text = path.read_bytes().decode("latin-1").rstrip("\x1a")
    return {int(r[0]): r for r in csv.reader(io.StringIO(text)) if r}


def test_history_lists_every_folder_with_its_row_count(history, snapshots_dir: Path) -> None:
    snaps = list_snapshots(history)
    folders = sorted(p for p in snapshots_dir.iterdir() if p.is_dir())
    assert [str(s.as_of) for s in snaps] == [p.name for p in folders]
    for snap, folder in zip(snaps, folders, strict=True):
        assert snap.entry_count == len(_rows(folder / "SDN.CSV")), folder.name
    assert snaps[-1].entry_count == 14_965


@pytest.mark.parametrize("old, new", [("2022-02-17", "2022-02-26"), ("2022-02-26", "2022-03-04")])
def test_added_and_removed_equal_the_set_difference(history, snapshots_dir: Path, old: str, new: str) -> None:
    a, b = _rows(snapshots_dir / old / "SDN.CSV"), _rows(snapshots_dir / new / "SDN.CSV")
    result = diff_snapshots(history, resolve_snapshot(history, old), resolve_snapshot(history, new))
    rows = result.changes.to_pylist()
    assert {r["ent_num"] for r in rows if r["change"] == "added"} == set(b) - set(a)
    assert {r["ent_num"] for r in rows if r["change"] == "removed"} == set(a) - set(b)
    # Amended: exactly the entries present in both whose SDN.CSV row differs; each named field really differs.
    changed_rows = {n for n in set(a) & set(b) if a[n] != b[n]}
    amended = {r["ent_num"] for r in rows if r["change"] == "amended"}
    assert amended == changed_rows
    columns = {"name": 1, "type": 2, "title": 4}
    for r in rows:
        if r["change"] == "amended" and r["field"] in columns:
            i = columns[r["field"]]
            assert a[r["ent_num"]][i] != b[r["ent_num"]][i]


def test_amended_fields_carry_old_and_new_values(history) -> None:
    old, new = resolve_snapshot(history, "2022-02-26"), resolve_snapshot(history, "2022-03-04")
    rows = diff_snapshots(history, old, new).changes.to_pylist()
    amended = [r for r in rows if r["change"] == "amended"]
    assert amended, "the March 2022 waves amended entries"
    assert all(r["field"] and r["old_value"] != r["new_value"] for r in amended)


def test_resolving_dates_and_ids(history) -> None:
    in_force = resolve_snapshot(history, "2022-02-20")  # no list that day: the one in force is 2022-02-17
    assert str(in_force.as_of) == "2022-02-17"
    assert resolve_snapshot(history, in_force.snapshot_id[:8]) == in_force
    with pytest.raises(NotFound):
        resolve_snapshot(history, "1990-01-01")
    with pytest.raises(NotFound):
        resolve_snapshot(history, "abc")
    old, new = latest_two(history)
    assert (str(old.as_of), str(new.as_of)) == ("2024-04-26", "2024-05-03")

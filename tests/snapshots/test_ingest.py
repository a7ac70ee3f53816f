import csv
import io
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from reconcile.errors import RefusedSnapshot
from reconcile.snapshots.catalog import list_snapshots
from reconcile.snapshots.ingest import add_snapshot


def _sdn_rows(path: Path) -> list[list[str]]:
    text = path.read_bytes().decode("latin-1").rstrip("\x1a")
    return [r for r in csv.reader(io.StringIO(text)) if r]


def _table_counts(store) -> dict[str, int]:
    return {t: store.query(f"SELECT count(*) FROM {t}")[0][0]  # noqa: S608 - constant table names
            for t in ("snapshots", "snapshot_files", "sdn_entries", "sdn_names", "sdn_facts", "sdn_addresses")}


def test_full_set_is_stored_with_provenance(store, snapshots_dir: Path) -> None:
    folder = snapshots_dir / "2021-07-07"
    result = add_snapshot(store, str(folder))
    assert result.status == "added"
    assert result.as_of == date(2021, 7, 7)
    assert result.entry_count == len(_sdn_rows(folder / "SDN.CSV"))
    files = {r[0]: r[1:] for r in store.query(
        "SELECT file_name, byte_size, row_count FROM snapshot_files WHERE snapshot_id = $s", {"s": result.snapshot_id})}
    assert files["SDN.CSV"] == ((folder / "SDN.CSV").stat().st_size, result.entry_count)
    assert files["ALT.CSV"][1] == len(_sdn_rows(folder / "ALT.CSV"))
    assert set(files) == {"SDN.CSV", "ALT.CSV", "ADD.CSV", "SDN_COMMENTS.CSV"}
    # ALT.CSV aliases become name rows of their entry, with their kind and source.
    kinds = dict(store.query("SELECT name_kind, count(*) FROM sdn_names WHERE name_source = 'alt' GROUP BY 1"))
    assert kinds["aka"] > 10_000 and kinds["fka"] > 100
    assert store.query("SELECT count(*) FROM sdn_addresses")[0][0] > 10_000


def test_comments_continue_the_remarks(store, snapshots_dir: Path) -> None:
    add_snapshot(store, str(snapshots_dir / "2021-07-07"))
    remarks = store.query("SELECT remarks FROM sdn_entries WHERE ent_num = 28264")[0][0]
    assert remarks.endswith("Linked To: LAZARUS GROUP.")
    assert len(remarks) > 1000


def test_individual_names_are_split_and_facts_parsed(store, snapshots_dir: Path) -> None:
    add_snapshot(store, str(snapshots_dir / "2024-05-03"))
    assert store.query(
        "SELECT surname_raw, given_raw, name_kind, name_source FROM sdn_names WHERE ent_num = 22790"
    ) == [("MADURO MOROS", "Nicolas", "primary", "sdn")]
    facts = store.query(
        "SELECT fact_kind, value, detail, country FROM sdn_facts WHERE ent_num = 22790 ORDER BY seq")
    kinds = [f[0] for f in facts]
    assert kinds[:2] == ["dob", "pob"]
    assert ("document", "5892464", "cedula", "Venezuela") in facts
    assert store.query("SELECT programs FROM sdn_entries WHERE ent_num = 22790")[0][0] == [
        "VENEZUELA", "IRAN-CON-ARMS-EO"]


def test_same_content_again_is_a_no_op_naming_the_twin(store, snapshots_dir: Path, tmp_path: Path) -> None:
    first = add_snapshot(store, str(snapshots_dir / "2024-05-03"))
    before = _table_counts(store)
    copy = tmp_path / "elsewhere"
    shutil.copytree(snapshots_dir / "2024-05-03", copy)
    again = add_snapshot(store, str(copy), as_of=date(2024, 5, 10))
    assert again.status == "unchanged"
    assert again.snapshot_id == first.snapshot_id and again.as_of == date(2024, 5, 3)
    assert _table_counts(store) == before


@pytest.mark.parametrize("fault, message", [("empty-download", "empty"), ("truncated-download", "cut short")])
def test_real_faults_are_refused_and_change_nothing(store, shared_dir: Path, snapshots_dir: Path,
                                                    fault: str, message: str) -> None:
    add_snapshot(store, str(snapshots_dir / "2024-05-03"))
    before = _table_counts(store)
    for force in (False, True):
        with pytest.raises(RefusedSnapshot, match=message):
            add_snapshot(store, str(shared_dir / "ofac" / "faults" / fault), as_of=date(2024, 5, 4), force=force)
    assert _table_counts(store) == before


def test_shrinking_list_needs_force(store, snapshots_dir: Path, tmp_path: Path) -> None:
    add_snapshot(store, str(snapshots_dir / "2024-05-03"))
    data = (snapshots_dir / "2024-05-03" / "SDN.CSV").read_bytes()
    lines = data.split(b"\r\n")
    half = tmp_path / "2024-05-10"
    half.mkdir()
    (half / "SDN.CSV").write_bytes(b"\r\n".join(lines[: len(lines) // 2]) + b"\r\n\x1a")
    with pytest.raises(RefusedSnapshot, match="--force"):
        add_snapshot(store, str(half))
    assert len(list_snapshots(store)) == 1
    forced = add_snapshot(store, str(half), force=True)
    assert forced.status == "added"
    snaps = list_snapshots(store)
    assert [s.forced for s in snaps] == [False, True]


def test_as_of_defaults_to_today_for_a_plain_file(store, snapshots_dir: Path, tmp_path: Path) -> None:
    sdn = tmp_path / "sdn.csv"
    sdn.write_bytes((snapshots_dir / "2021-08-18" / "SDN.CSV").read_bytes())
    result = add_snapshot(store, str(sdn))
    assert result.as_of == datetime.now(UTC).date()

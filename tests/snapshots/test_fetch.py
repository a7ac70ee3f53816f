import io
import zipfile
from datetime import date
from pathlib import Path

import pytest

from reconcile.errors import InputError, RefusedSnapshot
from reconcile.snapshots.fetch import download, read_source

pytestmark = pytest.mark.network


def test_folder_names_are_matched_case_insensitively(tmp_path: Path, snapshots_dir: Path) -> None:
    folder = tmp_path / "2021-07-07"
    folder.mkdir()
    (folder / "sdn.csv").write_bytes((snapshots_dir / "2021-07-07" / "SDN.CSV").read_bytes())
    (folder / "Alt.Csv").write_bytes((snapshots_dir / "2021-07-07" / "ALT.CSV").read_bytes())
    src = read_source(str(folder))
    assert set(src.files) == {"SDN.CSV", "ALT.CSV"}
    assert src.as_of_hint == date(2021, 7, 7)


def test_folder_without_sdn_csv_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "ALT.CSV").write_bytes(b"1,2,\"aka\",\"X\",-0- \r\n")
    with pytest.raises(InputError, match="no SDN.CSV"):
        read_source(str(tmp_path))


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_source(str(tmp_path / "nope"))


def test_zip_of_the_set_in_a_subfolder(tmp_path: Path, snapshots_dir: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name in ("SDN.CSV", "ADD.CSV"):
            zf.writestr(f"export/{name.lower()}", (snapshots_dir / "2021-07-07" / name).read_bytes())
    archive = tmp_path / "2021-07-07.zip"
    archive.write_bytes(buf.getvalue())
    src = read_source(str(archive))
    assert set(src.files) == {"SDN.CSV", "ADD.CSV"}
    assert src.as_of_hint == date(2021, 7, 7)


def test_damaged_zip_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "list.zip"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(RefusedSnapshot, match="not a readable .zip"):
        read_source(str(bad))


def test_url_folder_fetches_required_and_optional_files(ofac_server, snapshots_dir: Path) -> None:
    base, _ = ofac_server
    src = read_source(base + "snapshots/2021-07-07/")
    assert set(src.files) == {"SDN.CSV", "ALT.CSV", "ADD.CSV", "SDN_COMMENTS.CSV"}
    assert src.files["SDN.CSV"] == (snapshots_dir / "2021-07-07" / "SDN.CSV").read_bytes()
    only_sdn = read_source(base + "snapshots/2024-05-03")
    assert set(only_sdn.files) == {"SDN.CSV"}


def test_transient_server_errors_are_retried(ofac_server) -> None:
    base, failures = ofac_server
    failures["/snapshots/2024-05-03/SDN.CSV"] = 2
    seen = []
    data = download(base + "snapshots/2024-05-03/SDN.CSV", retries=3,
                    progress=lambda name, done, total: seen.append((done, total)))
    assert data is not None and len(data) == seen[-1][0] == seen[-1][1]
    assert failures["/snapshots/2024-05-03/SDN.CSV"] == 0


def test_gives_up_after_the_retries_with_a_clear_message(ofac_server) -> None:
    base, failures = ofac_server
    failures["/snapshots/2024-05-03/SDN.CSV"] = 10
    with pytest.raises(RefusedSnapshot, match="failed after 2 attempts.*503"):
        download(base + "snapshots/2024-05-03/SDN.CSV", retries=1)


def test_body_shorter_than_announced_is_never_accepted(ofac_server) -> None:
    base, _ = ofac_server
    with pytest.raises(RefusedSnapshot, match="after 1,000 of 5,000 bytes"):
        download(base + "short/snapshots/2024-05-03/SDN.CSV", retries=1)


def test_size_cap(ofac_server) -> None:
    base, _ = ofac_server
    with pytest.raises(RefusedSnapshot, match="cap"):
        download(base + "snapshots/2024-05-03/SDN.CSV", max_bytes=10_000)


def test_missing_required_file_is_refused(ofac_server) -> None:
    base, _ = ofac_server
    with pytest.raises(RefusedSnapshot, match="404"):
        read_source(base + "snapshots/1999-01-01/")


def test_unreachable_server_is_a_clear_refusal() -> None:
    with pytest.raises(RefusedSnapshot, match="cannot connect"):
        download("http://127.0.0.1:9/SDN.CSV", retries=0, timeout=2)

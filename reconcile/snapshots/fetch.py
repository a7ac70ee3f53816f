"""Read a snapshot's files from wherever the analyst points: a folder, one SDN.CSV, a .zip, or a URL.

Everything is read fully into memory (a legacy set is ~7 MB) so that the content hash, validation and
the store write all see the same bytes. Downloads have a timeout, retries on transient failures and a
size cap, because a half-received list must never be mistaken for the real one.
"""

from __future__ import annotations

import http.client
import io
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reconcile import config
from reconcile.errors import InputError, RefusedSnapshot

#: The files of the legacy CSV set, in canonical (upper-case) spelling. SDN.CSV is the only required one.
SDN_FILE = "SDN.CSV"
OPTIONAL_FILES = ("ALT.CSV", "ADD.CSV", "SDN_COMMENTS.CSV")
KNOWN_FILES = (SDN_FILE, *OPTIONAL_FILES)

#: Called with (what, bytes_done, bytes_total or None) while downloading.
ProgressFn = Callable[[str, int, int | None], None]

_DATE_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


@dataclass(frozen=True)
class SourceFiles:
    """The raw bytes of one snapshot, keyed by canonical file name, and where they came from."""

    source: str
    files: dict[str, bytes]
    as_of_hint: date | None


def read_source(source: str, *, progress: ProgressFn | None = None) -> SourceFiles:
    """Collect the legacy CSV set from a folder, a single file, a .zip or an http(s) URL."""
    if re.match(r"^https?://", source, re.IGNORECASE):
        return _read_url(source, progress)
    path = Path(source)
    if path.is_dir():
        return SourceFiles(str(path), _read_folder(path), _date_from_name(path.name))
    if path.is_file():
        hint = _date_from_name(path.parent.name)
        data = _read_file(path)
        if path.suffix.lower() == ".zip":
            return SourceFiles(str(path), _read_zip(data, str(path)), _date_from_name(path.stem) or hint)
        return SourceFiles(str(path), {SDN_FILE: data}, hint)
    raise InputError("no such file or folder", path=source)


def _date_from_name(name: str) -> date | None:
    m = _DATE_NAME.match(name)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _read_file(path: Path) -> bytes:
    size = path.stat().st_size
    if size > config.DOWNLOAD_MAX_BYTES:
        raise RefusedSnapshot(f"{path}: {size:,} bytes is far larger than any OFAC list; not an SDN file")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=str(path)) from exc


def _read_folder(folder: Path) -> dict[str, bytes]:
    by_upper = {p.name.upper(): p for p in folder.iterdir() if p.is_file()}
    if SDN_FILE not in by_upper:
        raise InputError("folder holds no SDN.CSV (file names are matched case-insensitively)", path=str(folder))
    return {name: _read_file(by_upper[name]) for name in KNOWN_FILES if name in by_upper}


def _read_zip(data: bytes, where: str) -> dict[str, bytes]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise RefusedSnapshot(f"{where}: not a readable .zip archive ({exc})") from exc
    files: dict[str, bytes] = {}
    with archive:
        for info in archive.infolist():
            name = Path(info.filename).name.upper()
            if name not in KNOWN_FILES or info.is_dir():
                continue
            if info.file_size > config.DOWNLOAD_MAX_BYTES:
                raise RefusedSnapshot(f"{where}: {info.filename} expands to {info.file_size:,} bytes; refused")
            if name in files:
                raise RefusedSnapshot(f"{where}: the archive holds {name} twice")
            try:
                files[name] = archive.read(info)
            except (zipfile.BadZipFile, OSError, EOFError) as exc:
                raise RefusedSnapshot(f"{where}: {info.filename} is damaged in the archive ({exc})") from exc
    if SDN_FILE not in files:
        raise RefusedSnapshot(f"{where}: the archive holds no SDN.CSV")
    return files


def _read_url(url: str, progress: ProgressFn | None) -> SourceFiles:
    path = urllib.parse.urlparse(url).path
    base = path.rsplit("/", 1)[-1]
    if base.lower().endswith(".zip"):
        data = download(url, progress=progress)
        assert data is not None
        return SourceFiles(url, _read_zip(data, url), None)
    if base.lower().endswith(".csv"):
        data = download(url, progress=progress)
        assert data is not None
        return SourceFiles(url, {SDN_FILE: data}, None)
    folder = url if url.endswith("/") else url + "/"
    sdn = download(folder + SDN_FILE, progress=progress)
    assert sdn is not None
    files = {SDN_FILE: sdn}
    for name in OPTIONAL_FILES:
        data = download(folder + name, progress=progress, missing_ok=True)
        if data is not None:
            files[name] = data
    return SourceFiles(url, files, None)


def download(
    url: str,
    *,
    progress: ProgressFn | None = None,
    missing_ok: bool = False,
    timeout: float = config.DOWNLOAD_TIMEOUT_S,
    retries: int = config.DOWNLOAD_RETRIES,
    max_bytes: int = config.DOWNLOAD_MAX_BYTES,
) -> bytes | None:
    """Fetch one URL whole, retrying transient failures; None for a 404 when `missing_ok`.

    A connection error or a 5xx is retried with a growing pause; a 4xx is final. A body longer than
    `max_bytes`, or shorter than the Content-Length the server announced, is refused outright.
    """
    name = url.rsplit("/", 1)[-1] or url
    last_error = ""
    for attempt in range(retries + 1):
        if attempt:
            time.sleep(min(0.5 * 2 ** (attempt - 1), 8.0))
        try:
            request = urllib.request.Request(url, headers={"User-Agent": "reconcile (OFAC SDN snapshot fetch)"})
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) checked above
                total_header = response.headers.get("Content-Length")
                total = int(total_header) if total_header and total_header.isdigit() else None
                if total is not None and total > max_bytes:
                    raise RefusedSnapshot(f"{url}: announced {total:,} bytes, above the {max_bytes:,}-byte cap")
                chunks = []
                done = 0
                while True:
                    chunk = response.read(64 * 1024)
                    if not chunk:
                        break
                    done += len(chunk)
                    if done > max_bytes:
                        raise RefusedSnapshot(f"{url}: more than {max_bytes:,} bytes; download stopped")
                    chunks.append(chunk)
                    if progress:
                        progress(name, done, total)
                if total is not None and done < total:
                    raise _Transient(f"connection closed after {done:,} of {total:,} bytes")
                return b"".join(chunks)
        except urllib.error.HTTPError as exc:
            if exc.code == 404 and missing_ok:
                return None
            if exc.code < 500:
                raise RefusedSnapshot(f"{url}: server answered {exc.code} {exc.reason}") from exc
            last_error = f"server answered {exc.code} {exc.reason}"
        except _Transient as exc:
            last_error = str(exc)
        except (urllib.error.URLError, http.client.HTTPException, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            last_error = f"cannot connect: {reason}"
    raise RefusedSnapshot(f"{url}: download failed after {retries + 1} attempts ({last_error})")


class _Transient(Exception):
    """A download that broke off part-way; worth retrying."""

"""Parse the OFAC legacy CSV set (SDN.CSV, ALT.CSV, ADD.CSV, SDN_COMMENTS.CSV) with every quirk.

The quirks, all seen in ../shared/ofac (see its README): no header row; the null marker `-0- ` (quoted
or not, with or without its space); CRLF line ends; a 0x1A (DOS end-of-file) byte after the last line,
optional (SDN_COMMENTS.CSV has none); several programs in one field as `VENEZUELA] [IRAN-CON-ARMS-EO`;
a null SDN_Type meaning an entity; remarks longer than OFAC's 1,000-character field cut mid-word and
continued in SDN_COMMENTS.CSV.

A broken download must never be half-read: every problem raises `RefusedSnapshot` naming the file, the
line and what is wrong, so the last good snapshot stays in force. That covers an empty file, a file cut
short (the last row has no line end, a quote is left open, a row has too few fields) and a file that is
not this list at all (a header row, HTML, an ent_num that is not a number, a repeated ent_num).

Text is decoded as cp1252 (Treasury's files come from Windows; they are ASCII in practice), falling back
to latin-1 for the few bytes cp1252 leaves undefined, so decoding itself never fails.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Iterator

from reconcile.errors import RefusedSnapshot
from reconcile.snapshots.records import Address, AltName, SdnEntry

__all__ = [
    "REMARKS_FIELD_LIMIT",
    "merge_comments",
    "parse_add",
    "parse_alt",
    "parse_comments",
    "parse_sdn",
    "split_individual_name",
    "split_programs",
]

#: OFAC's null marker, as it reads once surrounding spaces are trimmed.
_NULL = "-0-"
#: DOS end-of-file byte Treasury appends after the last line.
_SUB = "\x1a"
#: SDN.CSV's remarks field holds at most this many characters; the rest goes to SDN_COMMENTS.CSV.
REMARKS_FIELD_LIMIT = 1000

_SDN_TYPES = {"individual", "vessel", "aircraft"}
_ALT_TYPES = {"aka", "fka", "nka"}


def parse_sdn(data: bytes, path: str = "SDN.CSV") -> list[SdnEntry]:
    """Entries of SDN.CSV, in file order.

    Args:
        data: the file's bytes, as downloaded.
        path: how messages name the file.

    Returns:
        One SdnEntry per row; a null SDN_Type becomes "entity", programs are split, nulls are None.

    Raises:
        RefusedSnapshot: empty, cut short, or not an SDN.CSV (see the module docstring).
    """
    entries: list[SdnEntry] = []
    seen: set[int] = set()
    for line, row in _rows(data, path, 12):
        ent_num = _ent_num(row[0], path, line)
        if ent_num in seen:
            raise RefusedSnapshot(f"{path}:{line}: ent_num {ent_num} appears twice; this is not an OFAC SDN.CSV")
        seen.add(ent_num)
        name = _value(row[1])
        if name is None:
            raise RefusedSnapshot(f"{path}:{line}: entry {ent_num} has no name")
        raw_type = _value(row[2])
        sdn_type = raw_type.lower() if raw_type else "entity"
        if sdn_type not in _SDN_TYPES and raw_type is not None:
            raise RefusedSnapshot(
                f"{path}:{line}: SDN_Type {raw_type!r} is not individual, vessel, aircraft or -0- (entity)"
            )
        title, call_sign, vess_type, tonnage, grt, vess_flag, vess_owner, remarks = (_value(v) for v in row[4:])
        entries.append(
            SdnEntry(
                ent_num=ent_num,
                sdn_name=name,
                sdn_type=sdn_type,
                programs=split_programs(row[3]),
                title=title,
                call_sign=call_sign,
                vess_type=vess_type,
                tonnage=tonnage,
                grt=grt,
                vess_flag=vess_flag,
                vess_owner=vess_owner,
                remarks=remarks,
            )
        )
    return entries


def parse_alt(data: bytes, path: str = "ALT.CSV") -> list[AltName]:
    """Aliases of ALT.CSV, in file order; alt_type lower-cased (aka, fka, nka).

    Raises:
        RefusedSnapshot: empty, cut short, not an ALT.CSV, or an alias type other than aka/fka/nka.
    """
    names: list[AltName] = []
    for line, row in _rows(data, path, 5):
        ent_num = _ent_num(row[0], path, line)
        alt_num = _int(row[1], "alt_num", path, line)
        alt_type = (_value(row[2]) or "").lower().replace(".", "")
        if alt_type not in _ALT_TYPES:
            raise RefusedSnapshot(f"{path}:{line}: alias type {row[2].strip()!r} is not aka, fka or nka")
        alt_name = _value(row[3])
        if alt_name is None:
            raise RefusedSnapshot(f"{path}:{line}: alias {alt_num} has no name")
        names.append(AltName(ent_num, alt_num, alt_type, alt_name, _value(row[4])))
    return names


def parse_add(data: bytes, path: str = "ADD.CSV") -> list[Address]:
    """Addresses of ADD.CSV, in file order (an address may be all nulls but its country).

    Raises:
        RefusedSnapshot: empty, cut short, or not an ADD.CSV.
    """
    addresses: list[Address] = []
    for line, row in _rows(data, path, 6):
        ent_num = _ent_num(row[0], path, line)
        add_num = _int(row[1], "add_num", path, line)
        address, city, country, remarks = (_value(v) for v in row[2:])
        addresses.append(Address(ent_num, add_num, address, city, country, remarks))
    return addresses


def parse_comments(data: bytes, path: str = "SDN_COMMENTS.CSV") -> dict[int, str]:
    """Remarks continuations of SDN_COMMENTS.CSV: ent_num -> the text that follows the SDN.CSV remarks.

    The text is kept exactly as written, leading spaces included, because it continues a field that was
    cut mid-word. Several rows for one entry are joined in file order.

    Raises:
        RefusedSnapshot: empty, cut short, or not an SDN_COMMENTS.CSV.
    """
    comments: dict[int, str] = {}
    for line, row in _rows(data, path, 2):
        ent_num = _ent_num(row[0], path, line)
        text = row[1].rstrip()
        if text.strip() == _NULL:
            continue
        comments[ent_num] = comments.get(ent_num, "") + text
    return comments


def merge_comments(entries: list[SdnEntry], comments: dict[int, str]) -> list[SdnEntry]:
    """Entries with each SDN_COMMENTS.CSV continuation appended to its remarks, no separator added.

    OFAC moves remarks to SDN_COMMENTS.CSV only once the SDN.CSV field is full, so a remark shorter than
    REMARKS_FIELD_LIMIT here lost trailing spaces to trimming (e.g. "Address - XBT " + "1Gq..."); they
    are put back before the continuation so words do not run together.

    Raises:
        RefusedSnapshot: a continuation names an ent_num that SDN.CSV does not have (files of two dates).
    """
    known = {e.ent_num for e in entries}
    orphans = sorted(set(comments) - known)
    if orphans:
        raise RefusedSnapshot(
            f"SDN_COMMENTS.CSV continues the remarks of ent_num {orphans[0]}, which SDN.CSV does not have; "
            "the files are not from the same list"
        )
    merged = []
    for entry in entries:
        more = comments.get(entry.ent_num)
        if more is None:
            merged.append(entry)
            continue
        head = entry.remarks or ""
        if head and len(head) < REMARKS_FIELD_LIMIT:
            head = head.ljust(REMARKS_FIELD_LIMIT)
        remarks = (head + more).strip() or None
        merged.append(dataclasses.replace(entry, remarks=remarks))
    return merged


def split_programs(raw: str | None) -> tuple[str, ...]:
    """The programs of a Program field: "VENEZUELA] [IRAN-CON-ARMS-EO" -> ("VENEZUELA", "IRAN-CON-ARMS-EO").

    OFAC joins programs with "] [" and omits the outer brackets; stray outer brackets are dropped too.
    """
    text = _value(raw) if raw is not None else None
    if text is None:
        return ()
    parts = (p.strip(" []") for p in text.split("] ["))
    return tuple(p for p in parts if p)


def split_individual_name(name: str) -> tuple[str | None, str | None]:
    """Surname(s) and given names of an individual: "MADURO MOROS, Nicolas" -> ("MADURO MOROS", "Nicolas").

    OFAC writes individuals as `SURNAME(S), Given Names`; only the first comma separates them, so a
    suffix stays with the given names ("DELOS REYES, Feliciano Semborio, Jr."). A name without a comma
    (a mononym such as "ZULKARNAEN" or a kunya) gives (None, None): OFAC says nothing about its parts.
    """
    surname, sep, given = name.partition(",")
    if not sep:
        return None, None
    return surname.strip() or None, given.strip() or None


def _rows(data: bytes, path: str, width: int) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) of each row; refuses anything that is not a complete file of `width` columns."""
    text = _decode(data)
    body = text.rstrip(_SUB + " \t\r\n")
    if not body:
        raise RefusedSnapshot(f"{path} is empty ({len(data)} bytes): a failed download")
    if _SUB in body:
        raise RefusedSnapshot(f"{path}: an end-of-file byte (0x1A) in the middle of the file; it is damaged")
    complete = text.rstrip(_SUB).endswith(("\n", "\r"))
    reader = csv.reader(io.StringIO(body, newline=""), strict=True)
    try:
        for row in reader:
            line = reader.line_num
            if not row or row == [""]:
                raise RefusedSnapshot(f"{path}:{line}: blank line inside the file; this is not an OFAC list")
            if len(row) != width:
                last = _is_last_line(body, reader.line_num)
                if last and not complete and len(row) < width:
                    raise RefusedSnapshot(
                        f"{path}:{line}: the file ends mid-row ({len(row)} of {width} fields); "
                        "the download was cut short"
                    )
                raise RefusedSnapshot(
                    f"{path}:{line}: {len(row)} fields where {path.rsplit('/', 1)[-1]} has {width}; "
                    "this is not an OFAC list (or the wrong file)"
                )
            yield line, row
    except csv.Error as exc:
        raise RefusedSnapshot(
            f"{path}:{reader.line_num}: unreadable CSV ({exc}); the file is damaged or cut short"
        ) from exc
    if not complete:
        raise RefusedSnapshot(f"{path}:{reader.line_num}: the last line has no line end; the download was cut short")


def _is_last_line(body: str, line_num: int) -> bool:
    return body.count("\n") + 1 <= line_num


def _decode(data: bytes) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _value(field: str) -> str | None:
    """A field as published, trimmed; the null marker `-0-` and empty fields become None."""
    text = field.strip()
    return None if text in ("", _NULL) else text


def _int(field: str, what: str, path: str, line: int) -> int:
    text = field.strip()
    if not text.isascii() or not text.isdigit():
        raise RefusedSnapshot(f"{path}:{line}: {what} {text[:40]!r} is not a number; this is not an OFAC list")
    return int(text)


def _ent_num(field: str, path: str, line: int) -> int:
    return _int(field, "ent_num", path, line)

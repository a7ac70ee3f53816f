"""The legacy CSV parsers on the real OFAC files, the real faults, hand-made quirks and random input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.errors import RefusedSnapshot
from reconcile.snapshots.parse import (
    REMARKS_FIELD_LIMIT,
    merge_comments,
    parse_add,
    parse_alt,
    parse_comments,
    parse_sdn,
    split_individual_name,
    split_programs,
)
from reconcile.snapshots.records import SdnEntry

QUIRKS = Path(__file__).resolve().parent.parent / "data" / "ofac_quirks"

# Entry counts of the real SDN.CSV files (2024-05-03's 14,965 is stated in ../shared/ofac/README.md).
KNOWN_COUNTS = {"2021-07-07": 8976, "2022-04-01": 9852, "2024-05-03": 14965}


def _read(folder: Path, name: str) -> bytes:
    return (folder / name).read_bytes()


# ---- real snapshots ----


def test_every_real_snapshot_parses_completely(snapshots_dir: Path) -> None:
    folders = sorted(p for p in snapshots_dir.iterdir() if p.is_dir())
    assert len(folders) >= 20
    for folder in folders:
        data = _read(folder, "SDN.CSV")
        entries = parse_sdn(data, str(folder / "SDN.CSV"))
        # One entry per CRLF-terminated line: nothing dropped, nothing invented.
        assert len(entries) == data.count(b"\r\n"), folder.name
        assert len({e.ent_num for e in entries}) == len(entries)
        assert {e.sdn_type for e in entries} <= {"individual", "entity", "vessel", "aircraft"}
        assert all(e.programs and e.sdn_name for e in entries)
        if folder.name in KNOWN_COUNTS:
            assert len(entries) == KNOWN_COUNTS[folder.name]


def test_real_entries_read_as_published(snapshots_dir: Path) -> None:
    entries = {e.ent_num: e for e in parse_sdn(_read(snapshots_dir / "2024-05-03", "SDN.CSV"))}
    cuban_bank = entries[306]
    assert cuban_bank.sdn_name == "BANCO NACIONAL DE CUBA"
    assert cuban_bank.sdn_type == "entity"  # OFAC's -0- type
    assert cuban_bank.programs == ("CUBA",)
    assert cuban_bank.title is None and cuban_bank.vess_owner is None
    assert cuban_bank.remarks == "a.k.a. 'BNC'."
    maduro = entries[22790]
    assert maduro.sdn_type == "individual"
    assert maduro.programs == ("VENEZUELA", "IRAN-CON-ARMS-EO")
    assert split_individual_name(maduro.sdn_name) == ("MADURO MOROS", "Nicolas")
    assert sum(e.sdn_type == "vessel" for e in entries.values()) == 851


def test_full_set_of_2021_07_07(snapshots_dir: Path) -> None:
    folder = snapshots_dir / "2021-07-07"
    alt = parse_alt(_read(folder, "ALT.CSV"))
    add = parse_add(_read(folder, "ADD.CSV"))
    assert len(alt) == 11910 and len(add) == 13837
    assert {a.alt_type for a in alt} == {"aka", "fka", "nka"}
    assert next(a for a in alt if a.alt_num == 220).alt_name == "NATIONAL BANK OF CUBA"
    havana = next(a for a in add if a.add_num == 25)
    assert (havana.ent_num, havana.address, havana.city_state_postal, havana.country) == (
        36,
        None,
        "Havana",
        "Cuba",
    )
    entries = {e.ent_num: e for e in parse_sdn(_read(folder, "SDN.CSV"))}
    assert {a.ent_num for a in alt} <= set(entries) and {a.ent_num for a in add} <= set(entries)


def test_comments_continue_remarks_cut_mid_word(snapshots_dir: Path) -> None:
    folder = snapshots_dir / "2021-07-07"
    entries = parse_sdn(_read(folder, "SDN.CSV"))
    comments = parse_comments(_read(folder, "SDN_COMMENTS.CSV"))
    assert sorted(comments) == [12300, 28263, 28264, 29703, 30518]
    merged = {e.ent_num: e for e in merge_comments(entries, comments)}
    before = {e.ent_num: e for e in entries}
    assert len(before[28263].remarks or "") == REMARKS_FIELD_LIMIT
    assert "a.k.a. 'snowsjohn'" in (merged[28263].remarks or "")  # "snowsjo" + "hn'"
    assert (merged[28264].remarks or "").endswith("Linked To: LAZARUS GROUP.")
    assert "; Phone Number 8613314257947;" in (merged[28264].remarks or "")
    untouched = [n for n in before if n not in comments]
    assert all(merged[n] == before[n] for n in untouched)


def test_real_faults_are_refused(shared_dir: Path) -> None:
    faults = shared_dir / "ofac" / "faults"
    with pytest.raises(RefusedSnapshot, match="empty"):
        parse_sdn(_read(faults / "empty-download", "SDN.CSV"), "empty-download/SDN.CSV")
    with pytest.raises(RefusedSnapshot, match=r"truncated-download/SDN.CSV:6359: .*cut short"):
        parse_sdn(_read(faults / "truncated-download", "SDN.CSV"), "truncated-download/SDN.CSV")


# ---- hand-made quirks (tests/data/ofac_quirks) ----


def test_hand_made_quirks() -> None:
    entries = {e.ent_num: e for e in parse_sdn(_read(QUIRKS, "SDN.CSV"))}
    assert list(entries) == [101, 102, 103, 104]
    assert entries[101] == SdnEntry(
        101, "EXAMPLE TRADING CO., LTD.", "entity", ("SDGT",), None, None, None, None, None, None, None, None
    )
    assert entries[102].programs == ("VENEZUELA", "IRAN-CON-ARMS-EO")
    assert entries[102].title == "General"
    vessel = entries[103]
    assert vessel.sdn_type == "vessel"
    assert vessel.title is None  # quoted "-0- "
    assert vessel.tonnage is None  # -0- without its space
    assert vessel.grt == "150,000" and vessel.vess_owner == "EXAMPLE SHIPPING LLC"
    assert entries[104].programs == ("SDGT",)  # stray outer brackets
    alt = parse_alt(_read(QUIRKS, "ALT.CSV"))
    assert [(a.alt_type, a.alt_name, a.alt_remarks) for a in alt] == [
        ("aka", "EXAMPLE TRADERS", None),
        ("fka", "ROE, Juan", None),
        ("nka", "NEW EXAMPLE AIR", "formerly"),
    ]
    add = parse_add(_read(QUIRKS, "ADD.CSV"))
    assert (add[1].address, add[1].city_state_postal, add[1].country) == (None, None, "Venezuela")


def _sdn_row(ent_num: int, remarks: str) -> bytes:
    return f'{ent_num},"NAME {ent_num}",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"{remarks}"\r\n'.encode()


def test_file_without_end_of_file_byte_is_complete() -> None:
    assert [e.ent_num for e in parse_sdn(_sdn_row(1, "x") + _sdn_row(2, "y"))] == [1, 2]


def test_lowercase_and_trailing_space_null_and_type_case() -> None:
    row = b'5,"A B",Individual,"SDGT","-0-", -0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\x1a'
    entry = parse_sdn(row)[0]
    assert entry.sdn_type == "individual" and entry.title is None and entry.call_sign is None


def test_merge_puts_back_spaces_trimmed_from_a_full_remarks_field() -> None:
    head = "Digital Currency Address - XBT abc; alt. Digital Currency Address - XBT "
    remarks = head.rjust(REMARKS_FIELD_LIMIT, "x")
    assert len(remarks) == REMARKS_FIELD_LIMIT and remarks.endswith("XBT ")
    entries = parse_sdn(_sdn_row(7, remarks))
    assert (entries[0].remarks or "").endswith("XBT")  # trimmed as published
    comments = parse_comments(b'7,"1Gq2; Linked To: X."\r\n')
    merged = merge_comments(entries, comments)[0]
    assert (merged.remarks or "").endswith("Digital Currency Address - XBT 1Gq2; Linked To: X.")


def test_several_continuation_rows_join_in_order() -> None:
    assert parse_comments(b'7,"abc"\r\n7," def"\r\n') == {7: "abc def"}


def test_comment_for_an_unknown_entry_is_refused() -> None:
    with pytest.raises(RefusedSnapshot, match="ent_num 9"):
        merge_comments(parse_sdn(_sdn_row(1, "x")), {9: "more"})


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"\x1a", "empty"),
        (b"  \r\n\r\n", "empty"),
        (_sdn_row(1, "x")[:-2], r":1: the last line has no line end"),
        (_sdn_row(1, "x") + _sdn_row(2, "y")[:30], r":2: the file ends mid-row"),
        (
            _sdn_row(1, "x") + b'2,"NAME 2",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"open remark',
            r":2: unreadable CSV .*cut short",
        ),
        (
            b"ent_num,SDN_Name,SDN_Type,Program,Title,Call_Sign,Vess_type,Tonnage,GRT,Vess_flag,Vess_owner,Remarks\r\n",
            "ent_num 'ent_num' is not a number",
        ),
        (b"<!DOCTYPE html>\r\n<html><body>Service unavailable</body></html>\r\n", "not an OFAC list"),
        (_sdn_row(1, "x") + b"2,too,few\r\n" + _sdn_row(3, "z"), r":2: 3 fields where SDN.CSV has 12"),
        (_sdn_row(1, "x") + _sdn_row(1, "y"), "appears twice"),
        (_sdn_row(1, "x") + b"\r\n" + _sdn_row(2, "y"), "blank line"),
        (_sdn_row(1, "x") + b"\x1a" + _sdn_row(2, "y"), "0x1A"),
        (b'1,"A",robot,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n', "SDN_Type 'robot'"),
        (b'1,-0- ,-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n', "no name"),
    ],
)
def test_broken_sdn_files_are_refused_naming_file_and_line(data: bytes, message: str) -> None:
    with pytest.raises(RefusedSnapshot, match=message) as err:
        parse_sdn(data, "dl/SDN.CSV")
    assert str(err.value).startswith("dl/SDN.CSV")


def test_other_files_check_their_own_shape() -> None:
    with pytest.raises(RefusedSnapshot, match="ALT.CSV:1: alias type 'alias'"):
        parse_alt(b'1,2,"alias","X",-0- \r\n')
    with pytest.raises(RefusedSnapshot, match="ADD.CSV:1: 5 fields where ADD.CSV has 6"):
        parse_add(b'1,2,"a","b","c"\r\n')
    with pytest.raises(RefusedSnapshot, match="alt_num 'x'"):
        parse_alt(b'1,x,"aka","X",-0- \r\n')


# ---- small helpers ----


@pytest.mark.parametrize(
    "raw, programs",
    [
        ("CUBA", ("CUBA",)),
        ("VENEZUELA] [IRAN-CON-ARMS-EO", ("VENEZUELA", "IRAN-CON-ARMS-EO")),
        ("[SDGT] [IFSR]", ("SDGT", "IFSR")),
        ("CAATSA - RUSSIA", ("CAATSA - RUSSIA",)),
        ("-0- ", ()),
        (None, ()),
    ],
)
def test_split_programs(raw: str | None, programs: tuple[str, ...]) -> None:
    assert split_programs(raw) == programs


@pytest.mark.parametrize(
    "name, parts",
    [
        ("MADURO MOROS, Nicolas", ("MADURO MOROS", "Nicolas")),
        ("DELOS REYES, Feliciano Semborio, Jr.", ("DELOS REYES", "Feliciano Semborio, Jr.")),
        ("ZULKARNAEN", (None, None)),
        ("AL-ZAWAHIRI, ", ("AL-ZAWAHIRI", None)),
    ],
)
def test_split_individual_name(name: str, parts: tuple[str | None, str | None]) -> None:
    assert split_individual_name(name) == parts


# ---- properties ----

_text = st.text(alphabet=st.characters(codec="cp1252", exclude_characters='\x1a\r\n"\x00'), max_size=30)
_field = st.one_of(st.none(), _text.map(str.strip).filter(lambda s: s not in ("", "-0-")))


def _quote(value: str | None) -> str:
    return "-0- " if value is None else '"' + value.replace('"', '""') + '"'


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from([None, "individual", "vessel", "aircraft"]),
            _text.map(str.strip).filter(lambda s: s not in ("", "-0-")),
            st.lists(st.from_regex(r"[A-Z0-9][A-Z0-9\-]{0,10}", fullmatch=True), min_size=1, max_size=3),
            st.lists(_field, min_size=8, max_size=8),
        ),
        min_size=1,
        max_size=6,
    ),
    sub=st.booleans(),
)
def test_written_entries_read_back_unchanged(rows: list, sub: bool) -> None:
    lines = []
    for ent_num, (sdn_type, name, programs, rest) in enumerate(rows, start=1):
        fields = [str(ent_num), _quote(name), _quote(sdn_type), _quote("] [".join(programs))]
        lines.append(",".join(fields + [_quote(v) for v in rest]))
    data = ("\r\n".join(lines) + "\r\n").encode("cp1252") + (b"\x1a" if sub else b"")
    parsed = parse_sdn(data)
    assert [(e.sdn_name, e.sdn_type, list(e.programs)) for e in parsed] == [
        (name, sdn_type or "entity", programs) for sdn_type, name, programs, _ in rows
    ]
    assert [
        [e.title, e.call_sign, e.vess_type, e.tonnage, e.grt, e.vess_flag, e.vess_owner, e.remarks] for e in parsed
    ] == [rest for *_, rest in rows]


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=400))
def test_random_bytes_are_parsed_or_refused_never_crash(data: bytes) -> None:
    for parser in (parse_sdn, parse_alt, parse_add, parse_comments):
        try:
            parser(data)
        except RefusedSnapshot:
            pass

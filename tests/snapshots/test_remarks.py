"""parse_remarks: the behaviour table in tests/cases/remarks.yml, real remarks, the lexicon, random text."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.reference import dotted_name_endings, remark_labels
from reconcile.resources import reference_dir
from reconcile.snapshots.parse import REMARKS_FIELD_LIMIT, merge_comments, parse_comments, parse_sdn
from reconcile.snapshots.records import Fact, RemarkAlias
from reconcile.snapshots.remarks import parse_date_range, parse_remarks

CASES = yaml.safe_load((Path(__file__).resolve().parent.parent / "cases" / "remarks.yml").read_text("utf-8"))


def _fact(spec: dict[str, Any]) -> Fact:
    return Fact(
        kind=spec["kind"],
        value=str(spec["value"]),
        detail=spec.get("detail"),
        country=spec.get("country"),
        date_from=spec.get("date_from"),
        date_to=spec.get("date_to"),
        is_alt=spec.get("is_alt", False),
    )


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_behaviour_table(case: dict[str, Any]) -> None:
    parsed = parse_remarks(case["remarks"])
    assert parsed.facts == [_fact(f) for f in case["facts"]]
    assert parsed.aliases == [RemarkAlias(a["name"], a["kind"], a.get("quality")) for a in case["aliases"]]


def test_none_and_blank_give_nothing() -> None:
    for remarks in (None, "", "   "):
        parsed = parse_remarks(remarks)
        assert parsed.facts == [] and parsed.aliases == []


def test_remarks_cut_at_the_field_limit_keep_their_last_part_verbatim() -> None:
    head = "DOB 1960; "
    cut = head + "a.k.a. '" + "X" * (REMARKS_FIELD_LIMIT - len(head) - len("a.k.a. '"))
    assert len(cut) == REMARKS_FIELD_LIMIT
    parsed = parse_remarks(cut)
    assert parsed.aliases == []  # a cut name is not a name
    assert parsed.facts[0].kind == "dob"
    assert parsed.facts[-1] == Fact("other", cut[len(head) :], detail="truncated")
    # Trailing spaces trimmed from the full field do not hide the cut.
    assert parse_remarks(cut[:-3] + "   ").facts[-1].detail == "truncated"
    # The same length closed by a full stop is complete.
    whole = cut[:-2] + "'."
    assert parse_remarks(whole).aliases == [RemarkAlias("X" * (REMARKS_FIELD_LIMIT - 20), "aka")]


def test_parse_date_range() -> None:
    assert parse_date_range("23 Nov 1962") == (date(1962, 11, 23), date(1962, 11, 23))
    assert parse_date_range("Feb 2000") == (date(2000, 2, 1), date(2000, 2, 29))
    assert parse_date_range("circa 1951") == (date(1951, 1, 1), date(1951, 12, 31))
    assert parse_date_range("Mar 1970 to Feb 1971") == (date(1970, 3, 1), date(1971, 2, 28))
    for bad in ("", "1962-11-23", "23 1962", "31 Apr 1970", "0000", "Nov", "sometime in 1962"):
        assert parse_date_range(bad) is None, bad


# ---- real remarks ----


def test_real_remarks_of_2024_05_03(snapshots_dir: Path) -> None:
    entries = parse_sdn((snapshots_dir / "2024-05-03" / "SDN.CSV").read_bytes())
    by_num = {e.ent_num: e for e in entries}
    maduro = parse_remarks(by_num[22790].remarks)
    assert [f.kind for f in maduro.facts[:2]] == ["dob", "pob"]
    assert maduro.facts[0].date_from == date(1962, 11, 23)
    assert Fact("document", "5892464", "cedula", "Venezuela") in maduro.facts
    assert parse_remarks(by_num[306].remarks).aliases == [RemarkAlias("BNC", "aka")]

    names = {e.sdn_name for e in entries}
    kinds: dict[str, int] = {}
    linked = linked_found = dob = dob_dated = 0
    for e in entries:
        parsed = parse_remarks(e.remarks)
        for f in parsed.facts:
            kinds[f.kind] = kinds.get(f.kind, 0) + 1
            assert f.value, e.ent_num
            if f.kind == "linked_to":
                linked += 1
                linked_found += f.value in names
            if f.kind == "dob":
                dob += 1
                dob_dated += f.date_from is not None
    # Every DOB in the list has a form parse_date_range reads.
    assert dob > 7000 and dob_dated == dob
    # Linked To targets are entry names; measured 6,230 of 6,375 (97.7 %) match one exactly.
    assert linked > 6000 and linked_found / linked > 0.97
    # What is left unlabelled ("other") is a small share: positions, titles, one-off notes.
    assert kinds["other"] / sum(kinds.values()) < 0.05


def test_real_continued_remarks_parse_whole(snapshots_dir: Path) -> None:
    folder = snapshots_dir / "2021-07-07"
    comments = parse_comments((folder / "SDN_COMMENTS.CSV").read_bytes())
    entries = {e.ent_num: e for e in merge_comments(parse_sdn((folder / "SDN.CSV").read_bytes()), comments)}
    parsed = parse_remarks(entries[28263].remarks)
    assert RemarkAlias("snowsjohn", "aka") in parsed.aliases
    assert parsed.facts[-1] == Fact("linked_to", "LAZARUS GROUP")
    assert not any(f.detail == "truncated" for f in parsed.facts)


# ---- the lexicon ----


def test_remark_labels_file_is_sorted_unique_and_well_formed() -> None:
    text = (reference_dir() / "remark_labels.yml").read_text("utf-8")
    assert text.startswith("# remark_labels.yml")
    raw_labels = re.findall(r'^  "(.+)": ', text, flags=re.MULTILINE)
    assert raw_labels == sorted(raw_labels, key=str.lower)
    assert len({label.lower() for label in raw_labels}) == len(raw_labels)
    labels = remark_labels()
    assert len(labels) == len(raw_labels)
    kinds = {kind for kind, _ in labels.values()}
    assert kinds <= {
        "document",
        "contact",
        "organization",
        "vessel",
        "aircraft",
        "sanctions",
        "digital_currency",
        "title",
    }
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", detail) for _, detail in labels.values())
    endings = re.findall(r"^  - (.+)$", text, flags=re.MULTILINE)
    assert endings == sorted(endings) and len(set(endings)) == len(endings)
    assert dotted_name_endings() == frozenset(endings)


# ---- properties ----

_part_text = st.text(alphabet=st.characters(codec="cp1252", exclude_characters=";"), min_size=1, max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_parses_without_error_and_keeps_values(text: str) -> None:
    parsed = parse_remarks(text)
    assert all(f.value for f in parsed.facts)
    assert all(a.name for a in parsed.aliases)
    assert all(f.date_from is None or f.date_to is None or f.date_from <= f.date_to for f in parsed.facts)


@settings(max_examples=150, deadline=None)
@given(st.lists(_part_text.map(str.strip).filter(bool), min_size=1, max_size=8))
def test_every_part_becomes_one_fact_or_alias(parts: list[str]) -> None:
    # Parts that cannot merge: no quote (so no open alias) and no closing dot to move.
    parts = [p.replace("'", "").rstrip(".").strip() or "x" for p in parts]
    parsed = parse_remarks("; ".join(parts))
    assert len(parsed.facts) + len(parsed.aliases) == len(parts)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.from_regex(r"[A-Z][A-Z0-9 ,\-]{0,20}[A-Z0-9]", fullmatch=True), min_size=1, max_size=5),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2020, 12, 31)),
)
def test_written_aliases_and_dob_read_back(names: list[str], born: date) -> None:
    remarks = f"DOB {born:%d %b %Y}; " + "; ".join(f"a.k.a. '{n}'" for n in names) + "."
    parsed = parse_remarks(remarks)
    assert [a.name for a in parsed.aliases] == names
    assert parsed.facts == [Fact("dob", f"{born:%d %b %Y}", date_from=born, date_to=born)]

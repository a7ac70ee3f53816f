"""Extraction behaviour with the rules backend (no model): the seed story and each post-processing pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.extraction import Document, load_extractor

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_776c11d15392e161.txt"


@pytest.fixture(scope="module")
def rules():
    return load_extractor("rules")


def _extract(extractor, *paragraphs: str):
    return extractor.extract(Document.from_paragraphs(list(paragraphs)))


@pytest.fixture(scope="module")
def seed_mentions(rules):
    from reconcile.news.text import text_to_paragraphs

    return rules.extract(Document.from_paragraphs(text_to_paragraphs(SEED.read_text(encoding="utf-8"))))


def check_seed(mentions) -> None:
    """Acceptance on the seed story, shared with the spaCy test."""
    persons = {m.canonical_name for m in mentions if m.kind == "person" and m.is_named}
    # The story never prints "Donald": "Trump" is the fullest form of that name in the article.
    assert persons == {"Trump", "Nicolas Maduro", "Steven Mnuchin", "Juan Guaido", "Hugo Carvajal", "Hugo Chavez"}
    roles = {(m.canonical_name, m.role) for m in mentions if m.role and m.is_named}
    assert ("Steven Mnuchin", "Treasury Secretary") in roles
    assert ("Juan Guaido", "interim President") in roles
    assert ("Nicolas Maduro", "Venezuelan strongman") in roles
    carvajal = [r for n, r in roles if n == "Hugo Carvajal"]
    assert carvajal == ["a former top spy chief for Maduro’s predecessor Hugo Chavez"]  # cut before "who sits"
    assert any("VE" in m.countries for m in mentions if m.canonical_name == "Nicolas Maduro")
    blacklist = [m for m in mentions if "Treasury blacklist" in m.sentence]
    assert blacklist and all(m.sanction and m.sanction_cue == "blacklist" for m in blacklist)
    unnamed = {m.surface for m in mentions if not m.is_named}
    assert "a major general with the Venezuelan National Guard" in unnamed
    # surname-only and possessive mentions resolve to the full name
    assert {m.canonical_name for m in mentions if m.surface == "Carvajal" or m.surface == "Maduro"} <= {
        "Nicolas Maduro",
        "Hugo Carvajal",
    }
    assert sum(1 for m in mentions if m.surface == "Maduro" and m.kind == "person") >= 8


def test_seed_story_rules(seed_mentions):
    check_seed(seed_mentions)


def test_mention_ids_are_article_and_span(seed_mentions):
    from dataclasses import replace

    m = replace(seed_mentions[0], article_id="abc")
    assert m.mention_id == f"abc:{m.start}-{m.end}"


def test_spans_index_the_body(rules):
    doc = Document.from_paragraphs(["HEADING", "Treasury Secretary Steven Mnuchin said so."])
    ms = rules.extract(doc)
    named = [m for m in ms if m.canonical_name == "Steven Mnuchin"]
    assert named and doc.text[named[0].start : named[0].end] == "Steven Mnuchin"


def test_quoted_nickname_kept_as_alias(rules):
    ms = _extract(rules, "OFAC designated Joaquin “El Chapo” Guzman Loera for drug trafficking.")
    person = [m for m in ms if m.kind == "person" and m.is_named]
    assert person[0].canonical_name == "Joaquin Guzman Loera"
    assert person[0].aliases == ("El Chapo",)


def test_vessel_with_imo_number(rules):
    ms = _extract(rules, "OFAC identified the following vessels:", "Icaro (IMO 9038842)", "Later the Icaro sailed.")
    vessels = [m for m in ms if m.kind == "vessel"]
    assert [m.canonical_name for m in vessels] == ["Icaro", "Icaro"]
    assert vessels[0].identifiers[0].kind == "imo" and vessels[0].identifiers[0].value == "9038842"


def test_invalid_imo_check_digit_is_not_an_identifier(rules):
    ms = _extract(rules, "The vessel Icaro (IMO 9038843) was seen.")
    assert all(i.kind != "imo" for m in ms for i in m.identifiers)


def test_aircraft_registration(rules):
    ms = _extract(rules, "EW-001PA is a Boeing 737 used as the presidential aircraft.")
    aircraft = [m for m in ms if m.kind == "aircraft"]
    assert aircraft and aircraft[0].canonical_name == "EW-001PA"
    assert aircraft[0].identifiers[0].kind == "aircraft_registration"


def test_delisting_cue(rules):
    ms = _extract(rules, "Treasury removed Steven Mnuchin from the SDN list on Friday.")
    m = next(m for m in ms if m.canonical_name == "Steven Mnuchin")
    assert m.sanction and m.delisting and m.sanction_cue.startswith("removed")


def test_no_sanction_cue_in_plain_sentence(rules):
    ms = _extract(rules, "Steven Mnuchin visited a factory in Ohio.")
    assert not any(m.sanction for m in ms)


def test_passport_number_next_to_name(rules):
    ms = _extract(rules, "OFAC designated Tan Wee Beng, Passport E1234567, a businessman.")
    m = next(m for m in ms if m.canonical_name == "Tan Wee Beng")
    assert ("passport", "E1234567") in {(i.kind, i.value) for i in m.identifiers}


def test_acronym_resolves_to_full_name(rules):
    ms = _extract(rules, "Petroleos de Venezuela, S.A. (PdVSA) owns ships.", "PdVSA shipped oil to Cuba.")
    later = [m for m in ms if m.surface == "PdVSA"]
    assert later and all(m.canonical_name == "Petroleos de Venezuela, S.A." for m in later)
    assert all(m.kind == "organization" for m in later)


def test_country_inside_a_name_does_not_count(rules):
    ms = _extract(rules, "OFAC designated one individual, Jordan “Orce” Kamcev, in North Macedonia.")
    m = next(m for m in ms if m.canonical_name == "Jordan Kamcev")
    assert m.countries == ("MK",)


def test_headings_do_not_join_names(rules):
    ms = _extract(rules, "MONTENEGRO", "Svetozar Marovic (Marovic) was the President of Serbia.")
    assert any(m.canonical_name == "Svetozar Marovic" and m.kind == "person" for m in ms)
    assert not any("MONTENEGRO" in m.surface and "Svetozar" in m.surface for m in ms)

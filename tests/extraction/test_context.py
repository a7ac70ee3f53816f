from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reconcile.extraction.context import (
    find_countries,
    find_sanction_cue,
    flatten,
    imo_is_valid,
    split_sentences,
)


def test_sentences_do_not_end_after_abbreviations():
    text = "The U.S. Treasury acted under E.O. 13692 today. Gen. Padrino said no. It ended."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "The U.S. Treasury acted under E.O. 13692 today.",
        "Gen. Padrino said no.",
        "It ended.",
    ]


def test_sentence_offsets_are_absolute():
    assert split_sentences("One. Two.", start=10) == [(10, 14), (15, 19)]


@given(st.text(max_size=300))
def test_sentences_stay_inside_the_text(text):
    for a, b in split_sentences(text):
        assert 0 <= a < b <= len(text)


def test_countries_from_names_and_demonyms():
    flat = flatten("Venezuela’s army and Cuban officials met Russian contractors in the United States.")
    assert find_countries(flat, 0, len(flat)) == ["VE", "CU", "RU", "US"]


def test_countries_case_sensitive_whole_words():
    flat = "the turkey was cuban-style in chadwick"
    assert find_countries(flat, 0, len(flat)) == []


def test_cues():
    assert find_sanction_cue("OFAC designated three people.")[:2] == (True, "designated")
    assert find_sanction_cue("Treasury is imposing financial sanctions on six officials.")[1] == (
        "imposing financial sanctions"
    )
    assert find_sanction_cue("He was delisted in May.")[2] is True
    assert find_sanction_cue("The weather was fine.") == (False, None, False)


def test_imo_check_digit():
    assert imo_is_valid("9402964") and imo_is_valid("9078191")
    assert not imo_is_valid("9402965") and not imo_is_valid("940296")

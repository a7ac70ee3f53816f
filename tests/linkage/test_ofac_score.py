"""OFAC Sanctions List Search score: hand-computed cases of FAQ 249's two techniques."""

from __future__ import annotations

import pytest

from reconcile.linkage.ofac_score import ofac_score, ofac_score_parts


def test_single_part_transposition_hand_computed() -> None:
    # MARTHA/MARHTA: Jaro 0.9444 (6 matches, 1 transposition), prefix MAR: 0.9444 + 3*0.1*0.0556 = 0.9611.
    whole, per_part = ofac_score_parts("Martha", "MARHTA")
    assert whole == pytest.approx(0.9611, abs=1e-4)
    assert per_part == pytest.approx(0.9611, abs=1e-4)
    assert ofac_score("Martha", "MARHTA") == 96


def test_whole_name_needs_the_same_first_letter() -> None:
    # "GEORGE BUSH" vs "HASWANI GEORGE": whole-name is 0 (G != H); per part GEORGE=1.0, BUSH's best
    # pair is below 0.5 and its Soundex B200 matches no part, so it counts 0: (1 + 0) / 2.
    assert ofac_score_parts("George Bush", "HASWANI, George")[0] == 0.0
    assert ofac_score("George Bush", "HASWANI, George") == 50


def test_short_query_parts_are_ignored() -> None:
    # Whole-name "KIM JONG UN" vs "KIM JONG IL": Jaro (9/11 + 9/11 + 1)/3 = 0.8788, +4*0.1*0.1212 = 0.9273;
    # per part UN is ignored and KIM, JONG agree exactly: 1.0. The higher wins.
    whole, per_part = ofac_score_parts("Kim Jong Un", "KIM, Jong Il")
    assert whole == pytest.approx(0.9273, abs=1e-4)
    assert per_part == 1.0
    assert ofac_score("Kim Jong Un", "KIM, Jong Il") == 100


def test_a_missing_query_part_costs_its_share_extra_list_parts_cost_nothing() -> None:
    # XAVIER vs SMITH: Jaro (1/6 + 1/5 + 1)/3 = 0.456 < 0.5, Soundex X160 matches nothing: (1 + 0 + 1) / 3.
    assert ofac_score("John Xavier Smith", "SMITH, John") == 67
    assert ofac_score("Nicolas Maduro", "MADURO MOROS, Nicolas") == 100


def test_punctuation_and_case_do_not_matter_apostrophe_is_deleted() -> None:
    assert ofac_score("o'brien sean", "OBRIEN, Sean") == 100
    assert ofac_score("O BRIEN Sean", "OBRIEN, Sean") < 100


def test_no_transliteration_like_the_tool() -> None:
    assert ofac_score("Виктор Медведчук", "MEDVEDCHUK, Viktor") == 0


def test_unrelated_names_score_low_and_scores_stay_in_range() -> None:
    score = ofac_score("Chaka Fattah", "ZUMAR, Abbud")
    assert 0 <= score < 60
    assert ofac_score("", "ZUMAR, Abbud") == 0

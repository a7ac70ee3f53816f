import json
from typing import Any

import pyarrow as pa
import pytest

from reconcile.linkage.explain import explain, level_labels, waterfall
from reconcile.linkage.model import MODEL_FILE, Scorer, load_model
from reconcile.linkage.prepare import STD_SCHEMA, QueryName, SnapshotKeys, project_queries, project_sdn_rows
from reconcile.resources import reference_dir

#: A list of 18,000 names holding none of the test words: every word is as rare as a word can be.
RARE_WORDS = SnapshotKeys({}, name_count=18000)


def _scorer(entry_count: int = 15000) -> Scorer:
    return Scorer(load_model(), STD_SCHEMA.empty_table(), entry_count)


def _rec(name: str, kind: str = "person", keys: SnapshotKeys | None = None) -> pa.Table:
    return project_queries([QueryName("x", name, kind)], keys or SnapshotKeys({}), dedupe=False)


def _list_rec(name: str) -> pa.Table:
    row = {"name_id": 1, "ent_num": 1, "name_raw": name, "sdn_type": "individual", "programs": None}
    return project_sdn_rows([row], {})[0]


def _with(rec: pa.Table, column: str, value: object) -> pa.Table:
    """One record with one column replaced (a list name made as rare as the test needs)."""
    return rec.set_column(rec.schema.get_field_index(column), column, pa.array([value]))


def _scored(*pairs: tuple[pa.Table, pa.Table]) -> tuple[dict[tuple[str, int], str], list[dict[str, Any]]]:
    """The model's level labels and the scored row of each (left, right) pair, from one fresh Scorer."""
    sc = _scorer()
    try:
        return level_labels(sc.settings), [sc.score_pairs(a, b).to_pylist()[0] for a, b in pairs]
    finally:
        sc.close()


def test_saved_model_is_complete_and_has_trained_numbers():
    data = json.loads((reference_dir() / MODEL_FILE).read_text())
    assert data["prior"]["listed_share"] > 0  # fitted on labelled names, see the training record
    for comp in data["splink_settings"]["comparisons"]:
        for lv in comp["comparison_levels"]:
            if not lv.get("is_null_level"):
                assert 0 < lv["m_probability"] <= 1 and 0 < lv["u_probability"] <= 1


def test_prior_follows_the_size_of_the_screened_list():
    m = load_model()
    small = m.settings_for("duckdb", 1000)["probability_two_random_records_match"]
    big = m.settings_for("duckdb", 15000)["probability_two_random_records_match"]
    assert small == pytest.approx(15 * big)


def test_loaded_model_scores_without_training():
    _, (near, far, org) = _scored(
        (_rec("Nicolas Maduro"), _rec("Nicolás Maduro Moros")),
        (_rec("Nicolas Maduro"), _rec("Jane Doe")),
        (_rec("Nicolas Maduro"), _rec("Nicolas Maduro", "organization")),
    )
    assert near["match_weight"] > far["match_weight"] + 10
    assert org["match_weight"] < near["match_weight"]  # a person is not a company of that name


def test_explanation_names_the_comparisons_that_moved_the_weight():
    labels, (row,) = _scored((_rec("Nicolas Maduro"), _rec("Nicolas Maduro Moros")))
    text = explain(row, labels)
    assert text.startswith("name: shorter name's words all in the longer")
    assert "same kind of party" in text
    steps = waterfall(row, labels)
    assert steps[0].component == "prior" and steps[-1].component == "final"
    assert abs(sum(s.weight for s in steps[:-1]) - row["match_weight"]) < 1e-6


def test_a_rare_key_word_agreeing_alone_weighs_more_than_a_common_one():
    # The information of the agreeing key word (in the screened list) picks the level, and the
    # explanation says which: GARCIA is held by 500 of 18,000 names, ZHALOLOV by one.
    keys = SnapshotKeys({"t:garcia": 500, "t:zhalolov": 1}, name_count=18000)

    def rec(name: str) -> pa.Table:
        return _rec(name, "organization", keys)

    labels, (common, rare) = _scored(
        (rec("Garcia Trading"), rec("Garcia Logistics")), (rec("Zhalolov Trading"), rec("Zhalolov Logistics"))
    )
    assert explain(common, labels).startswith("name: surname or key word agrees, the other words differ")
    assert explain(rare, labels).startswith("name: rare surname or key word agrees, the other words differ")
    assert rare["match_weight"] > common["match_weight"] + 1


def test_a_body_with_a_distinctive_word_on_each_side_is_weaker_than_a_variant_adding_words():
    # Two branches of one family of bodies share their words and differ in a rare one each (SAHEL,
    # KHORASAN); a variant adds only a common word (WILAYAT) to what the listed name holds.
    common = {f"t:{w}": 600 for w in ("islamic", "province", "wilayat")}
    keys = SnapshotKeys({**common, "t:sinai": 1, "t:sahel": 1, "t:khorasan": 1}, name_count=18000)

    def rec(name: str) -> pa.Table:
        return _rec(name, "organization", keys)

    labels, (one_sided, branches) = _scored(
        (rec("Islamic Sinai Province Wilayat"), rec("Islamic Sinai Province Khorasan")),
        (rec("Islamic Sinai Province Sahel"), rec("Islamic Sinai Province Khorasan")),
    )
    assert "only one name has distinctive words of its own" in explain(one_sided, labels)
    assert explain(branches, labels).startswith("name: two or more rare words agree, others differ")
    assert one_sided["match_weight"] > branches["match_weight"] + 1


def test_a_patronymic_transliterated_twice_is_not_another_fathers_name():
    # Surname and first name agree in both pairs; the patronymics differ in spelling. Hryhoryavich and
    # Ryhorovich are one name written apart (spelt loosely alike); Vladimirovich and Borisovich are two.
    words = "alexander lukashenko lukashenka hryhoryavich ryhorovich igor borisov vladimirovich borisovich"
    keys = SnapshotKeys({f"t:{w}": 36 for w in words.split()}, name_count=18000)  # uncommon: ~9 bits each
    labels, (written_apart, other_father) = _scored(
        (_rec("Aleksandr Hryhoryavich Lukashenko", keys=keys), _list_rec("LUKASHENKA, Alyaksandr Ryhorovich")),
        (_rec("Igor Vladimirovich Borisov", keys=keys), _list_rec("BORISOV, Igor Borisovich")),
    )
    assert "the other words spelt loosely alike" in explain(written_apart, labels)
    assert "others differ" in explain(other_father, labels)
    assert written_apart["match_weight"] > other_father["match_weight"] + 2


def test_given_names_agreeing_with_the_surnames_apart_is_weak_evidence():
    labels, (other, same, masoud) = _scored(
        (_rec("Hossein Mohammad Rezaei"), _list_rec("HARUNI, Hosein Mohammad")),
        (_rec("Hosein Mohammad Haruni"), _list_rec("HARUNI, Hosein Mohammad")),
        # one query word cannot stand for both Mohammad and MOHAMMADI; Masoud has no counterpart
        (_rec("Masoud Mohammad Rezaei"), _list_rec("MOHAMMADI, Mohammad Reza")),
    )
    assert "a surname on each side differs" in explain(other, labels)
    assert "a surname on each side differs" in explain(masoud, labels)
    assert "sound alike" not in explain(masoud, labels)
    assert same["match_weight"] > other["match_weight"] + 3
    assert other["match_probability"] < 0.3 and masoud["match_probability"] < 0.3


def test_the_listed_surname_spelt_alike_separates_a_variant_from_a_namesake():
    # Every word of both queries sounds like one of the listed name's. The variant keeps the surname
    # and spells its given names near the list's; the namesake's given name (Mayra for Mario) is
    # only alike in sound, so it stays on the weaker sound-alike level.
    def listed(name: str) -> pa.Table:
        return _with(_list_rec(name), "name_bits", 40.0)

    labels, (variant, namesake) = _scored(
        (_rec("Liebert Ramcharan", keys=RARE_WORDS), listed("RAMCHARAN, Leebert")),
        (_rec("Mayra Flores", keys=RARE_WORDS), listed("FLORES SOTO, Mario")),
    )
    assert "the surname alike" in explain(variant, labels)
    assert "the surname alike" not in explain(namesake, labels)
    assert variant["match_weight"] > namesake["match_weight"]


def test_a_relative_sharing_surname_and_fathers_name_is_not_the_listed_person():
    # Same surname and patronymic, another first name: a brother or sister, weaker than a variant of the
    # listed person's own names. Every word is taken as rare in the list.
    def listed(name: str) -> pa.Table:
        rec = _list_rec(name)
        return _with(rec, "phonetic_bits", [14.0] * len(rec.column("phonetic_bits")[0]))

    labels, (same, relative) = _scored(
        (_rec("Natallia Vladimirovna Piatkevich", keys=RARE_WORDS), listed("PIATKEVICH, Natallia Uladzimirauna")),
        (_rec("Karina Ramzanovna Kadyrova", keys=RARE_WORDS), listed("KADYROVA, Tabarik Ramzanovna")),
    )
    assert "surname, first name and other rare words agree" in explain(same, labels)
    assert "the first name differs" in explain(relative, labels)
    assert same["match_weight"] > relative["match_weight"] + 3


def test_names_split_or_joined_differently_still_agree_word_by_word():
    # "Sunam" is "Su Nam" written as one word; no spelling measure pairs it with either part
    labels, (joined, other) = _scored(
        (_rec("Sunam Pang", keys=RARE_WORDS), _list_rec("PANG, Su Nam")),
        (_rec("Sunam Kang", keys=RARE_WORDS), _list_rec("PANG, Su Nam")),
    )
    assert "adjacent words are joined" in explain(joined, labels)
    assert "adjacent words are joined" not in explain(other, labels)
    assert joined["match_weight"] > other["match_weight"] + 3

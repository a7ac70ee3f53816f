import json

import pyarrow as pa
import pytest

from reconcile.linkage.explain import explain, level_labels, waterfall
from reconcile.linkage.model import MODEL_FILE, Scorer, load_model
from reconcile.linkage.prepare import STD_SCHEMA, QueryName, SnapshotKeys, project_queries
from reconcile.resources import reference_dir


def _scorer(entry_count: int = 15000) -> Scorer:
    return Scorer(load_model(), STD_SCHEMA.empty_table(), entry_count)


def _rec(name: str, kind: str = "person"):
    return project_queries([QueryName("x", name, kind)], SnapshotKeys({}), dedupe=False)


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
    sc = _scorer()
    try:
        near = sc.score_pairs(_rec("Nicolas Maduro"), _rec("Nicolás Maduro Moros")).to_pylist()[0]
        far = sc.score_pairs(_rec("Nicolas Maduro"), _rec("Jane Doe")).to_pylist()[0]
        org = sc.score_pairs(_rec("Nicolas Maduro"), _rec("Nicolas Maduro", "organization")).to_pylist()[0]
    finally:
        sc.close()
    assert near["match_weight"] > far["match_weight"] + 10
    assert org["match_weight"] < near["match_weight"]  # a person is not a company of that name


def test_explanation_names_the_comparisons_that_moved_the_weight():
    sc = _scorer()
    try:
        row = sc.score_pairs(_rec("Nicolas Maduro"), _rec("Nicolas Maduro Moros")).to_pylist()[0]
        labels = level_labels(sc.settings)
    finally:
        sc.close()
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

    def rec(name: str):
        return project_queries([QueryName("x", name, "organization")], keys, dedupe=False)

    sc = _scorer()
    try:
        labels = level_labels(sc.settings)
        common = sc.score_pairs(rec("Garcia Trading"), rec("Garcia Logistics")).to_pylist()[0]
        rare = sc.score_pairs(rec("Zhalolov Trading"), rec("Zhalolov Logistics")).to_pylist()[0]
    finally:
        sc.close()
    assert explain(common, labels).startswith("name: surname or key word agrees, the other words differ")
    assert explain(rare, labels).startswith("name: rare surname or key word agrees, the other words differ")
    assert rare["match_weight"] > common["match_weight"] + 1


def _list_rec(name: str):
    from reconcile.linkage.prepare import project_sdn_rows

    row = {"name_id": 1, "ent_num": 1, "name_raw": name, "sdn_type": "individual", "programs": None}
    return project_sdn_rows([row], {})[0]


def test_given_names_agreeing_with_the_surnames_apart_is_weak_evidence():
    sc = _scorer()
    try:
        labels = level_labels(sc.settings)
        other = sc.score_pairs(_rec("Hossein Mohammad Rezaei"), _list_rec("HARUNI, Hosein Mohammad")).to_pylist()[0]
        same = sc.score_pairs(_rec("Hosein Mohammad Haruni"), _list_rec("HARUNI, Hosein Mohammad")).to_pylist()[0]
        # one query word cannot stand for both Mohammad and MOHAMMADI; Masoud has no counterpart
        masoud = sc.score_pairs(_rec("Masoud Mohammad Rezaei"), _list_rec("MOHAMMADI, Mohammad Reza")).to_pylist()[0]
    finally:
        sc.close()
    assert "a surname on each side differs" in explain(other, labels)
    assert "a surname on each side differs" in explain(masoud, labels)
    assert "sound alike" not in explain(masoud, labels)
    assert same["match_weight"] > other["match_weight"] + 3
    assert other["match_probability"] < 0.3 and masoud["match_probability"] < 0.3


def test_the_listed_surname_spelt_alike_separates_a_variant_from_a_namesake():
    # Every word of both queries sounds like one of the listed name's. The variant keeps the surname
    # and spells its given names near the list's; the namesake's given name (Mayra for Mario) is
    # only alike in sound, so it stays on the weaker sound-alike level.
    keys = SnapshotKeys({}, name_count=18000)  # every word unseen: each as rare as a word can be

    def query(name: str):
        return project_queries([QueryName("x", name, "person")], keys, dedupe=False)

    def listed(name: str):
        rec = _list_rec(name)
        return rec.set_column(rec.schema.get_field_index("name_bits"), "name_bits", pa.array([40.0]))

    sc = _scorer()
    try:
        labels = level_labels(sc.settings)
        variant = sc.score_pairs(query("Liebert Ramcharan"), listed("RAMCHARAN, Leebert")).to_pylist()[0]
        namesake = sc.score_pairs(query("Mayra Flores"), listed("FLORES SOTO, Mario")).to_pylist()[0]
    finally:
        sc.close()
    assert "the surname alike" in explain(variant, labels)
    assert "the surname alike" not in explain(namesake, labels)
    assert variant["match_weight"] > namesake["match_weight"]


def test_a_relative_sharing_surname_and_fathers_name_is_not_the_listed_person():
    # Same surname and patronymic, another first name: a brother or sister, weaker than a variant of the
    # listed person's own names. Every word is taken as rare in the list.
    keys = SnapshotKeys({}, name_count=18000)

    def query(name: str):
        return project_queries([QueryName("x", name, "person")], keys, dedupe=False)

    def listed(name: str):
        rec = _list_rec(name)
        bits = rec.column("phonetic_bits").to_pylist()[0]
        return rec.set_column(
            rec.schema.get_field_index("phonetic_bits"), "phonetic_bits", pa.array([[14.0] * len(bits)])
        )

    sc = _scorer()
    try:
        labels = level_labels(sc.settings)
        same = sc.score_pairs(
            query("Natallia Vladimirovna Piatkevich"), listed("PIATKEVICH, Natallia Uladzimirauna")
        ).to_pylist()[0]
        relative = sc.score_pairs(
            query("Karina Ramzanovna Kadyrova"), listed("KADYROVA, Tabarik Ramzanovna")
        ).to_pylist()[0]
    finally:
        sc.close()
    assert "surname, first name and other rare words agree" in explain(same, labels)
    assert "the first name differs" in explain(relative, labels)
    assert same["match_weight"] > relative["match_weight"] + 3


def test_names_split_or_joined_differently_still_agree_word_by_word():
    # "Sunam" is "Su Nam" written as one word; no spelling measure pairs it with either part
    keys = SnapshotKeys({}, name_count=18000)

    def query(name: str):
        return project_queries([QueryName("x", name, "person")], keys, dedupe=False)

    sc = _scorer()
    try:
        labels = level_labels(sc.settings)
        joined = sc.score_pairs(query("Sunam Pang"), _list_rec("PANG, Su Nam")).to_pylist()[0]
        other = sc.score_pairs(query("Sunam Kang"), _list_rec("PANG, Su Nam")).to_pylist()[0]
    finally:
        sc.close()
    assert "adjacent words are joined" in explain(joined, labels)
    assert "adjacent words are joined" not in explain(other, labels)
    assert joined["match_weight"] > other["match_weight"] + 3

from reconcile.linkage.settings import KEY_COLUMN, build_settings


def _levels(settings, name):
    comp = next(c for c in settings["comparisons"] if c["output_column_name"] == name)
    return comp["comparison_levels"]


def test_name_is_one_composite_comparison_strongest_level_first():
    s = build_settings().create_settings_dict("duckdb")
    names = [c["output_column_name"] for c in s["comparisons"]]
    assert names.count("name") == 1 and "entity_kind" in names and "country" in names
    levels = _levels(s, "name")
    assert levels[0].get("is_null_level")
    assert "sorted_key_r" in levels[1]["sql_condition"] and "name_bits" in levels[1]["sql_condition"]
    assert levels[-1]["sql_condition"] == "ELSE"
    # the key word agreeing alone is split by its information in the list, not by Splink's TF
    # adjustment (whose per-word u ignores that a level holds only pairs of a certain shape)
    assert not any(lv.get("tf_adjustment_column") for lv in levels)
    key_levels = [
        lv["sql_condition"].replace('"', "")
        for lv in levels
        if f"{KEY_COLUMN}_l = {KEY_COLUMN}_r" in lv["sql_condition"].replace('"', "")
    ]
    assert len(key_levels) == 7 and sum("key_bits_l" in c for c in key_levels) == 4


def test_same_definition_renders_for_spark():
    duck = build_settings().create_settings_dict("duckdb")
    spark = build_settings().create_settings_dict("spark")
    assert len(_levels(duck, "name")) == len(_levels(spark, "name"))
    fuzzy = next(i for i, lv in enumerate(_levels(duck, "name")) if "jaro_winkler_similarity(x" in lv["sql_condition"])
    cover_duck = _levels(duck, "name")[fuzzy]["sql_condition"]
    cover_spark = _levels(spark, "name")[fuzzy]["sql_condition"]
    assert "lambda x" in cover_duck and "CASE WHEN" in cover_duck
    assert "jaro_winkler(" in cover_spark and "exists(" in cover_spark and "array_intersect" in cover_spark


def test_covering_levels_are_split_by_word_information():
    levels = _levels(build_settings().create_settings_dict("duckdb"), "name")
    rare = [lv for lv in levels if "least(name_bits_l, name_bits_r)" in lv["sql_condition"]]
    assert len(rare) >= 3  # same words, covering and spelt-differently levels each have a rare variant


def test_country_compares_own_countries_before_program_countries():
    levels = _levels(build_settings().create_settings_dict("duckdb"), "country")
    assert levels[0].get("is_null_level") and "program_countries_r IS NULL" in levels[0]["sql_condition"]
    assert "countries_l" in levels[1]["sql_condition"] and "program_countries" not in levels[1]["sql_condition"]
    assert "program_countries_l" in levels[2]["sql_condition"]


def test_blocking_explodes_rare_keys_and_matches_sorted_names():
    rules = build_settings().create_settings_dict("duckdb")["blocking_rules_to_generate_predictions"]
    assert any(r.get("arrays_to_explode") == ["block_keys"] for r in rules)
    assert any("sorted_key" in r["blocking_rule"] for r in rules)


def test_shared_information_level_renders_for_both_dialects():
    duck = [lv["sql_condition"] for lv in _levels(build_settings().create_settings_dict("duckdb"), "name")]
    spark = [lv["sql_condition"] for lv in _levels(build_settings().create_settings_dict("spark"), "name")]
    with_bits = sum("phonetic_bits_l" in c for c in duck)
    assert with_bits >= 10 and with_bits == sum("phonetic_bits_l" in c for c in spark)
    assert any("zip_with(" in c for c in spark)
    # sound-only agreement is weaker than spelling agreement: it comes after the spelt-differently levels
    labels = [lv.get("label_for_charts", "") for lv in _levels(build_settings().create_settings_dict("duckdb"), "name")]
    first_sound = min(i for i, x in enumerate(labels) if "sound alike" in x)
    assert all(i < first_sound for i, x in enumerate(labels) if "spelt differently" in x)


def test_surname_conflict_level_renders_for_both_dialects():
    duck = [lv["sql_condition"] for lv in _levels(build_settings().create_settings_dict("duckdb"), "name")]
    spark = [lv["sql_condition"] for lv in _levels(build_settings().create_settings_dict("spark"), "name")]
    # the conflict levels (3) and the levels where the listed surname agrees (7)
    assert sum("surnames_r" in c for c in duck) == 10 == sum("surnames_r" in c for c in spark)
    # the levels where the first given names agree (6) or differ (1)
    assert sum("first_given_l" in c for c in duck) == 7 == sum("first_given_l" in c for c in spark)
    assert all("list_zip" not in c for c in spark) and any("zip_with" in c for c in spark)


def test_joined_words_level_renders_for_both_dialects():
    duck = [lv["sql_condition"] for lv in _levels(build_settings().create_settings_dict("duckdb"), "name")]
    spark = [lv["sql_condition"] for lv in _levels(build_settings().create_settings_dict("spark"), "name")]
    assert sum("list_concat(tokens_r, joined_r)" in c for c in duck) == 2
    assert sum("concat(tokens_r, joined_r)" in c and "list_concat" not in c for c in spark) == 2

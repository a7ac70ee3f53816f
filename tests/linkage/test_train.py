from reconcile.linkage.train import MIN_M, NAME_COMPARISON, U_MIN_PAIRS, _floor_m


def _saved(name_ms: list[float], kind_ms: list[float]) -> dict:
    def comp(name: str, ms: list[float]) -> dict:
        levels = [{"is_null_level": True}] + [{"m_probability": m, "label_for_charts": str(m)} for m in ms]
        return {"output_column_name": name, "comparison_levels": levels}

    return {"comparisons": [comp(NAME_COMPARISON, name_ms), comp("entity_kind", kind_ms)]}


def test_name_levels_keep_counted_m_and_floor_unseen_ones_at_the_rule_of_three():
    mentions = 30_000
    seen_8, seen_25 = 8 / mentions, 25 / mentions
    saved = _saved([0.9, seen_25, seen_8, 0.0], [1.0, 0.0])
    _floor_m(saved, mentions)
    name = [lv["m_probability"] for lv in saved["comparisons"][0]["comparison_levels"][1:]]
    kind = [lv["m_probability"] for lv in saved["comparisons"][1]["comparison_levels"][1:]]
    # a level seen 8 times stays below one seen 25 times (a flat floor of 0.001 lifted it above)
    assert name == [0.9, seen_25, seen_8, U_MIN_PAIRS / mentions]
    assert kind == [1.0, MIN_M]

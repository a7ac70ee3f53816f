"""Plain-words explanations of a scored pair, from Splink's per-comparison match weights.

A prediction row carries, for each comparison, the level it fell in (`gamma_<name>`) and the weight that
level added (`mw_<name>`, log2 of the Bayes factor). How rare the agreeing words are in the list is part
of the name level itself (settings.py splits levels by word information). The prior is what remains:
match_weight - sum of the mw_* columns. An explanation lists the comparisons that moved the weight,
strongest first, in the analyst's words; the waterfall lists every step.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["Step", "explain", "level_labels", "waterfall"]

_WHAT = {"name": "name", "entity_kind": "kind of party", "country": "country"}


@dataclass(frozen=True)
class Step:
    """One bar of the waterfall: what was compared, what was found, and the weight it added."""

    component: str
    finding: str
    value_query: str | None
    value_list: str | None
    weight: float


def level_labels(settings: Mapping[str, Any]) -> dict[tuple[str, int], str]:
    """(comparison, gamma) -> the level's label, from the settings the pair was scored with."""
    out = {}
    for comp in settings["comparisons"]:
        levels = [lv for lv in comp["comparison_levels"]]
        n = sum(1 for lv in levels if not lv.get("is_null_level"))
        gamma = n - 1
        for lv in levels:
            if lv.get("is_null_level"):
                out[(comp["output_column_name"], -1)] = "not known on one side"
                continue
            out[(comp["output_column_name"], gamma)] = lv.get("label_for_charts", "")
            gamma -= 1
    return out


def _fmt(w: float) -> str:
    return f"{w:+.1f}".replace("-", "\N{MINUS SIGN}")


def _values(row: Mapping[str, Any], comp: str) -> tuple[str | None, str | None]:
    col = {"name": "name_raw", "entity_kind": "entity_kind", "country": "countries"}[comp]
    left, right = row.get(f"{col}_l"), row.get(f"{col}_r")

    def show(v: Any) -> str | None:
        if v is None:
            return None
        return ", ".join(v) if isinstance(v, list) else str(v)

    return show(left), show(right)


def waterfall(row: Mapping[str, Any], labels: Mapping[tuple[str, int], str]) -> list[Step]:
    """Every step from the prior to the final weight, in Splink's order."""
    comps = [c for c in _WHAT if f"mw_{c}" in row]
    total = sum(float(row[f"mw_{c}"] or 0.0) for c in comps)
    steps = [Step("prior", "one list entry among all, before any evidence", None, None, row["match_weight"] - total)]
    for comp in comps:
        gamma = int(row.get(f"gamma_{comp}", -1))
        lq, ll = _values(row, comp)
        steps.append(Step(comp, labels.get((comp, gamma), f"level {gamma}"), lq, ll, float(row[f"mw_{comp}"] or 0.0)))
    steps.append(Step("final", f"match probability {row['match_probability']:.3f}", None, None, row["match_weight"]))
    return steps


def explain(row: Mapping[str, Any], labels: Mapping[tuple[str, int], str]) -> str:
    """One line: the comparisons that moved the weight, largest first, e.g.

    "name: shorter name's words all in the longer, rare (+16.1); same kind of party (+1.0)".
    """
    parts = []
    for step in waterfall(row, labels)[1:-1]:
        if abs(step.weight) < 0.05:
            continue
        if step.component == "name":
            text = f"name: {step.finding.lower()}"
        else:
            text = step.finding.lower() if step.component != "country" else f"country: {step.finding.lower()}"
        parts.append((abs(step.weight), f"{text} ({_fmt(step.weight)})"))
    parts.sort(key=lambda p: -p[0])
    return "; ".join(p[1] for p in parts) or "no comparison moved the weight"

"""RunReports built by hand, as the weekly run hands them to the renderers (contract: reporting/model.py).

The rows are realistic (a strong Maduro match, a weak namesake, an unmatched Mnuchin) and include a
hostile name from the "news" to prove the renderers escape what they are given.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from types import SimpleNamespace
from typing import Any

import pyarrow as pa
import pytest

from reconcile.reporting.bands import band_for
from reconcile.reporting.model import RunReport, RunSummary

HOSTILE = "<script>alert(1)</script>"

CONTRIBUTION = pa.struct([("comparison", pa.string()), ("label", pa.string()), ("weight", pa.float64())])

MATCH_SCHEMA = pa.schema(
    [
        ("match_id", pa.string()),
        ("run_id", pa.string()),
        ("found_by", pa.string()),
        ("mention_id", pa.string()),
        ("article_id", pa.string()),
        ("article_source", pa.string()),
        ("article_title", pa.string()),
        ("surface", pa.string()),
        ("canonical_name", pa.string()),
        ("name_key", pa.string()),
        ("kind", pa.string()),
        ("role", pa.string()),
        ("countries", pa.list_(pa.string())),
        ("sanction", pa.bool_()),
        ("sentence", pa.string()),
        ("ent_num", pa.int64()),
        ("sdn_name", pa.string()),
        ("matched_name", pa.string()),
        ("sdn_type", pa.string()),
        ("programs", pa.list_(pa.string())),
        ("sdn_title", pa.string()),
        ("match_probability", pa.float64()),
        ("match_weight", pa.float64()),
        ("band", pa.string()),
        ("is_alert", pa.bool_()),
        ("ofac_score", pa.int64()),
        ("explanation", pa.string()),
        ("contributions", pa.list_(CONTRIBUTION)),
        ("review_status", pa.string()),
    ]
)

UNMATCHED_SCHEMA = pa.schema(
    [
        ("mention_id", pa.string()),
        ("article_id", pa.string()),
        ("article_source", pa.string()),
        ("article_title", pa.string()),
        ("surface", pa.string()),
        ("canonical_name", pa.string()),
        ("name_key", pa.string()),
        ("kind", pa.string()),
        ("role", pa.string()),
        ("countries", pa.list_(pa.string())),
        ("sanction", pa.bool_()),
        ("sanction_cue", pa.string()),
        ("delisting", pa.bool_()),
        ("sentence", pa.string()),
        ("best_ent_num", pa.int64()),
        ("best_sdn_name", pa.string()),
        ("best_probability", pa.float64()),
    ]
)

DIFF_SCHEMA = pa.schema(
    [
        ("ent_num", pa.int64()),
        ("change", pa.string()),
        ("field", pa.string()),
        ("old_value", pa.string()),
        ("new_value", pa.string()),
        ("sdn_name", pa.string()),
    ]
)

RUN_ID = "run-20240503-0001"


def match_row(**over: Any) -> dict[str, Any]:
    """A strong Maduro match; keyword arguments override any column."""
    row: dict[str, Any] = {
        "match_id": "m-maduro-22790",
        "run_id": RUN_ID,
        "found_by": "new mention",
        "mention_id": "a1:120-134",
        "article_id": "a1",
        "article_source": "seeds/news/2024-05-02-venezuela.html",
        "article_title": "US reimposes oil sanctions on Venezuela",
        "surface": "Nicolas Maduro",
        "canonical_name": "Nicolas Maduro",
        "name_key": "nicolas maduro",
        "kind": "person",
        "role": "President",
        "countries": ["Venezuela"],
        "sanction": True,
        "sentence": "Washington said President Nicolas Maduro had failed to hold fair elections.",
        "ent_num": 22790,
        "sdn_name": "MADURO MOROS, Nicolas",
        "matched_name": "Nicolas MADURO MOROS",
        "sdn_type": "individual",
        "programs": ["VENEZUELA", "IRAN-CON-ARMS-EO"],
        "sdn_title": "President of the Bolivarian Republic of Venezuela",
        "match_probability": 0.99,
        "match_weight": 6.6,
        "band": "strong",
        "is_alert": True,
        "ofac_score": 93,
        "explanation": (
            "Given and first surname agree exactly and the list carries a second surname the news left out; "
            "the country (Venezuela) agrees; the role matches the listed title."
        ),
        "contributions": [
            {"comparison": "prior", "label": "one entry among 15,000", "weight": -13.9},
            {"comparison": "name", "label": "given name and first surname exact", "weight": 16.1},
            {"comparison": "entity_kind", "label": "person vs individual", "weight": 0.6},
            {"comparison": "country", "label": "Venezuela on both sides", "weight": 3.8},
        ],
        "review_status": "new",
    }
    row.update(over)
    return row


def weak_row(**over: Any) -> dict[str, Any]:
    """A weak namesake: shares a surname, nothing else."""
    base = match_row(
        match_id="m-carvajal-99999",
        mention_id="a2:10-24",
        article_id="a2",
        article_source="seeds/news/2024-04-20-football.html",
        article_title="Local club signs new coach",
        surface="Pedro Carvajal",
        canonical_name="Pedro Carvajal",
        name_key="pedro carvajal",
        role="coach",
        countries=["Spain"],
        sanction=False,
        sentence="The club has signed Pedro Carvajal as its new coach.",
        ent_num=99999,
        sdn_name="CARVAJAL PEREZ, Pedro Luis",
        matched_name="CARVAJAL PEREZ, Pedro Luis",
        programs=["SDNTK"],
        sdn_title=None,
        match_probability=0.12,
        match_weight=-2.9,
        band="weak",
        is_alert=False,
        ofac_score=81,
        explanation="Given name and one surname agree; the second surname is missing; the countries differ.",
        contributions=[
            {"comparison": "prior", "label": "one entry among 15,000", "weight": -13.9},
            {"comparison": "name", "label": "partial: one surname missing", "weight": 12.4},
            {"comparison": "country", "label": "Spain vs Colombia", "weight": -1.4},
        ],
        review_status="dismissed earlier",
    )
    base.update(over)
    return base


def unmatched_row(**over: Any) -> dict[str, Any]:
    """Mnuchin: named in a sanctions story as the official announcing it, not a designee."""
    row: dict[str, Any] = {
        "mention_id": "a1:300-314",
        "article_id": "a1",
        "article_source": "seeds/news/2024-05-02-venezuela.html",
        "article_title": "US reimposes oil sanctions on Venezuela",
        "surface": "Steven Mnuchin",
        "canonical_name": "Steven Mnuchin",
        "name_key": "steven mnuchin",
        "kind": "person",
        "role": "Treasury Secretary",
        "countries": ["United States"],
        "sanction": True,
        "sanction_cue": "sanctions",
        "delisting": False,
        "sentence": "Treasury Secretary Steven Mnuchin announced the sanctions on Friday.",
        "best_ent_num": None,
        "best_sdn_name": None,
        "best_probability": None,
    }
    row.update(over)
    return row


def summary(**over: Any) -> RunSummary:
    values: dict[str, Any] = {
        "run_id": RUN_ID,
        "started_at": datetime(2024, 5, 3, 9, 0, 0, tzinfo=UTC),
        "finished_at": datetime(2024, 5, 3, 9, 1, 12, tzinfo=UTC),
        "snapshot_id": "sha256:5f1c0a9e",
        "snapshot_as_of": date(2024, 5, 3),
        "previous_snapshot_as_of": date(2022, 1, 5),
        "model_hash": "3b9d0c7e11aa",
        "threshold": 0.9,
        "counts": {"articles_added": 2, "mentions": 5, "name_keys": 5, "alerts": 1},
    }
    values.update(over)
    return RunSummary(**values)


def build_report(
    matches: list[dict[str, Any]] | None = None,
    unmatched: list[dict[str, Any]] | None = None,
    diff: list[dict[str, Any]] | None = None,
    **summary_over: Any,
) -> RunReport:
    """A RunReport from row dicts (defaults: the realistic set below)."""
    m = [match_row(), weak_row()] if matches is None else matches
    u = default_unmatched() if unmatched is None else unmatched
    d = default_diff() if diff is None else diff
    mentions = pa.table(
        {
            "mention_id": [r["mention_id"] for r in m + u],
            "surface": [r["surface"] for r in m + u],
            "article_title": [r["article_title"] for r in m + u],
        }
    )
    return RunReport(
        summary=summary(**summary_over),
        matches=pa.Table.from_pylist(m, schema=MATCH_SCHEMA),
        unmatched=pa.Table.from_pylist(u, schema=UNMATCHED_SCHEMA),
        mentions=mentions,
        diff=pa.Table.from_pylist(d, schema=DIFF_SCHEMA),
    )


def default_unmatched() -> list[dict[str, Any]]:
    return [
        unmatched_row(
            mention_id="a3:5-18",
            surface="Maria Gonzalez",
            canonical_name="Maria Gonzalez",
            name_key="maria gonzalez",
            role="spokeswoman",
            sanction=False,
            sanction_cue=None,
            sentence="Maria Gonzalez, a spokeswoman, declined to comment.",
        ),
        unmatched_row(),
        unmatched_row(
            mention_id="a4:0-25",
            article_title=f"Leak: {HOSTILE}",
            surface=HOSTILE,
            canonical_name=HOSTILE,
            name_key="script alert 1 script",
            role=None,
            sentence=f"Officials said {HOSTILE} was designated under the new order.",
            best_ent_num=12345,
            best_sdn_name="ALERT TRADING LLC",
            best_probability=0.03,
        ),
    ]


def default_diff() -> list[dict[str, Any]]:
    return [
        {
            "ent_num": 22790,
            "change": "amended",
            "field": "programs",
            "old_value": "VENEZUELA",
            "new_value": "VENEZUELA; IRAN-CON-ARMS-EO",
            "sdn_name": "MADURO MOROS, Nicolas",
        },
        {
            "ent_num": 22790,
            "change": "amended",
            "field": "title",
            "old_value": None,
            "new_value": "President of the Bolivarian Republic of Venezuela",
            "sdn_name": "MADURO MOROS, Nicolas",
        },
        {
            "ent_num": 31001,
            "change": "added",
            "field": None,
            "old_value": None,
            "new_value": "EXAMPLE SHIPPING CO",
            "sdn_name": "EXAMPLE SHIPPING CO",
        },
        {
            "ent_num": 10001,
            "change": "removed",
            "field": None,
            "old_value": "OLD NAME, Someone",
            "new_value": None,
            "sdn_name": "OLD NAME, Someone",
        },
    ]


def many_matches(n: int) -> list[dict[str, Any]]:
    """`n` distinct matches spread over the probability range (for size and speed checks)."""
    rows = []
    for i in range(n):
        p = (i % 100) / 100 + 0.005
        rows.append(
            match_row(
                match_id=f"m{i}",
                mention_id=f"a{i}:0-10",
                surface=f"Person Number{i}",
                ent_num=20000 + i,
                sdn_name=f"NUMBER{i}, Person",
                match_probability=p,
                band=band_for(p),
                is_alert=p >= 0.9,
            )
        )
    return rows


@pytest.fixture
def run_report() -> RunReport:
    """The realistic report: a strong and a weak match, three unmatched mentions, four list changes."""
    return build_report()


@pytest.fixture
def make() -> SimpleNamespace:
    """The row builders, for tests that vary one thing (test modules cannot import conftest by name)."""
    return SimpleNamespace(
        report=build_report,
        match=match_row,
        weak=weak_row,
        unmatched=unmatched_row,
        many=many_matches,
        summary=summary,
        hostile=HOSTILE,
    )

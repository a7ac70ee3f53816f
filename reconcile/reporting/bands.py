"""Confidence bands cut on the calibrated match probability: the one place they are defined.

Every report shows a match's band with its meaning, so an analyst reads "strong" the same way everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Band:
    """A named probability range [low, high) and what it tells the analyst to do."""

    name: str
    low: float
    high: float
    meaning: str


#: Ordered strongest first. Cut points are on match_probability, which is calibrated on the labelled sets
#: (see reference/sdn_model.training.md), so "strong" means at least 9 in 10 such alerts are right.
BANDS: tuple[Band, ...] = (
    Band("strong", 0.90, 1.01, "very likely the listed party: at least 9 in 10 such matches are right; act on it"),
    Band("possible", 0.50, 0.90, "more likely than not the listed party: review the evidence before acting"),
    Band("weak", 0.0, 0.50, "shares name evidence but is more likely someone else: listed for review only"),
)


def band_for(probability: float) -> str:
    """The band name a probability falls in."""
    for band in BANDS:
        if band.low <= probability < band.high:
            return band.name
    return BANDS[-1].name

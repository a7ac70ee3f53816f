"""Person name parts: which tokens are given names and which are surnames, under each convention.

- "list" (OFAC): "SURNAME(S), Given Names". Everything before the first comma is surnames, so
  "MADURO MOROS, Nicolas" has surnames (maduro, moros). Further comma parts ("..., Jr.") join the given names.
- "news": "Given Surname(s)". The surname is the last token, except that
  * a dropped particle (de, van, bin, ...) starts the surname span ("Juan de la Cruz Reyna" -> cruz, reyna);
  * a Spanish/Portuguese-looking name of three or more tokens (accented letters in the raw text, or
    particles de/del/y) takes its last two tokens as surnames ("Nicolás Maduro Moros" -> maduro, moros);
  * a name ending in a patronymic ("Lukashenko Aleksandr Grigoryevich", Russian official order) or written
    in Han/Hangul script is surname-first.
- A single-token person name is a surname (the list files OFAC mononyms that way).
Given-name spellings are folded to the canonical of reference/given_name_equivalents.yml.
"""

from __future__ import annotations

import re

from reconcile.reference import given_name_equivalents

__all__ = ["canonical_given", "split_list_order", "split_news_order"]

_PATRONYMIC = re.compile(r"(?:ovich|evich|ovych|evych|avich|ovitch|evitch|ovna|evna|ivna|auna|ichna|yevna)$")
_HISPANIC_CHARS = re.compile(r"[áéíóúñãõçÁÉÍÓÚÑÃÕÇ]")


def canonical_given(tokens: list[str]) -> list[str]:
    """Fold each token to its canonical given-name spelling when reference/given_name_equivalents.yml has it."""
    eq = given_name_equivalents()
    return [eq.get(t, t) for t in tokens]


def split_list_order(parts: list[list[str]]) -> tuple[list[str], list[str]]:
    """(given, surnames) for OFAC "SURNAME(S), Given" order; parts are the comma-separated token lists."""
    if len(parts) == 1:
        return split_news_order(parts[0], None, raw="")
    surnames = parts[0]
    given = [t for part in parts[1:] for t in part]
    if not surnames:
        return [], given
    return given, surnames


def split_news_order(tokens: list[str], surname_at: int | None, raw: str) -> tuple[list[str], list[str]]:
    """(given, surnames) for "Given Surname(s)" order; see the module docstring for the exceptions.

    Args:
        tokens: content tokens of the whole name.
        surname_at: index where a dropped surname particle stood (from particles.apply_particles).
        raw: the raw text, for script and accent cues.
    """
    n = len(tokens)
    if n <= 1:
        return [], list(tokens)
    # Surname-first when the LAST word alone is a patronymic: "Natallia Vladimirovna Piatkevich" ends in a
    # Belarusian surname shaped like one (-evich), with the real patronymic in the middle.
    if n >= 3 and _PATRONYMIC.search(tokens[-1]) and not any(_PATRONYMIC.search(t) for t in tokens[:-1]):
        return tokens[1:], tokens[:1]
    if raw and not raw.isascii() and any("\u4e00" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" for ch in raw):
        return tokens[1:], tokens[:1]
    if surname_at is not None and 0 < surname_at < n:
        return tokens[:surname_at], tokens[surname_at:]
    if n >= 3 and raw and _HISPANIC_CHARS.search(raw):
        return tokens[:-2], tokens[-2:]
    return tokens[:-1], tokens[-1:]

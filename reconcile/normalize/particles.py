"""Name particles: Arabic article, abd/abu compounds, filiation words, European particles.

Driven by reference/particles.yml. The aim is that the many ways of writing one name part produce one token:

- The Arabic article is dropped: "al-Baghdadi", "Al Baghdadi", "el Baghdadi" -> "baghdadi". Sun-letter
  forms ("ar-Rahman", "ud-Din") are dropped only when hyphen-attached, since standalone they are English
  or French words. A fused article ("Albaghdadi") is left alone: it cannot be told from a name that starts
  with "al".
- "abd" compounds become one token "abdul<name>": "Abd al-Rahman", "Abdul Rahman", "Abdel Rahman",
  "Abdelrahman", "Abdurrahman" -> "abdulrahman". "Abdullah"/"Abdallah" -> "abdullah".
- Kunyas become one token: "Abu Bakr", "Abou Bakr", "Abu-Bakr" -> "abubakr" (the kunya is one name part).
- Filiation words (bin, ibn, bint, ould, and "ben" when not first) and European particles (de, de la, van,
  von, ...) are dropped from the content tokens; in news order the first one marks where the surname starts
  ("Juan de la Cruz Reyna" -> surnames cruz, reyna).
A particle is never dropped when it is the last token of its part (it is then the name itself: "Abu").
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from reconcile.reference import particles

__all__ = ["Word", "apply_particles", "canonical_abd", "split_words"]

# "abdelrahman", "abdurrahman", "abdalaziz": abd + vowel(s) + article consonant (assimilated or l) + name.
_FUSED_ABD = re.compile(r"^abd(?:ou|[aeiou])(?:l|([rsnztd])(?=\1))(.{2,})$")


class Word(NamedTuple):
    """One token and whether a hyphen joined it to the next token in the text."""

    text: str
    hyphen_next: bool = False


@lru_cache(maxsize=262_144)
def _plain_word(text: str) -> Word:
    # Word is immutable, so every unhyphenated occurrence of a token can share one (building a
    # NamedTuple costs more than looking one up).
    return Word(text, False)


def split_words(segment: str) -> list[Word]:
    """Tokens of a cleaned text segment (see text.clean_text), remembering hyphen attachment."""
    if "-" not in segment:
        return [_plain_word(t) for t in segment.split()]
    words: list[Word] = []
    for chunk in segment.split():
        pieces = [p for p in chunk.split("-") if p]
        last = len(pieces) - 1
        for i, p in enumerate(pieces):
            words.append(Word(p, i < last))
    return words


@cache
def _all_particles() -> frozenset[str]:
    return frozenset().union(*particles().values())


def canonical_abd(token: str) -> str:
    """Canonical spelling of a fused abd compound ("abdelrahman" -> "abdulrahman"); other tokens unchanged."""
    if not token.startswith("abd"):
        return token
    m = _FUSED_ABD.match(token)
    if m is None:
        return token
    return "abdul" + m.group(2)


def apply_particles(words: list[Word], organization: bool = False) -> tuple[list[str], int | None]:
    """Apply the particle rules to the words of one name part.

    Args:
        words: the part's words in written order (see split_words).
        organization: True drops only articles and org_stopwords; no compounds are formed.

    Returns:
        (content tokens, index in them where a dropped filiation/European particle stood, or None). The index
        lets news-order splitting start the surname there.

    Examples:
        >>> apply_particles(split_words("abd al-rahman"))[0]
        ['abdulrahman']
        >>> apply_particles(split_words("abd al"))[0]
        ['abdul']
        >>> apply_particles(split_words("juan de la cruz"))
        (['juan', 'cruz'], 1)
    """
    every = _all_particles()
    if not any(w.text in every or w.text.startswith("abd") for w in words):
        return [w.text for w in words], None
    p = particles()
    articles, assimilated = p["arabic_articles"], p["arabic_assimilated"]
    out: list[str] = []
    surname_at: int | None = None
    n = len(words)
    i = 0
    while i < n:
        word = words[i]
        tok = word.text
        last = i == n - 1
        if not last and (tok in articles or (word.hyphen_next and tok in assimilated)):
            i += 1
            continue
        if organization:
            if not (tok in p["org_stopwords"] and n > 1):
                out.append(tok)
            i += 1
            continue
        if not last and (tok in p["abd_forms"] or tok in p["kunya_forms"]):
            j = i + 1
            while j < n - 1 and (words[j].text in articles or (words[j].hyphen_next and words[j].text in assimilated)):
                j += 1
            head = "abdul" if tok in p["abd_forms"] else ("umm" if tok in {"om", "oum", "um", "umm"} else "abu")
            if words[j].text in articles:
                out.append(head)  # the part ends on the article ("JABBAR, Abd Al"): the compound is cut short
            elif head == "abdul":
                out.append(canonical_abd(head + words[j].text))
            else:
                out.append(head + words[j].text)
            i = j + 1
            continue
        if not last and (tok in p["european"] or (tok in p["filiation"] and (tok != "ben" or i > 0))):
            if surname_at is None and out:
                surname_at = len(out)
            i += 1
            continue
        out.append(canonical_abd(tok))
        i += 1
    return out, surname_at

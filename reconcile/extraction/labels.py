"""What each span is: relabelling on textual evidence, one label per repeated surface, and the final filter.

Why a module of its own: the small model's labels are unstable on news: possessives tagged as
organisations ("Maduro's government"), the same surface labelled differently in two sentences, people
tagged as facilities ("Milorad Dodik" FAC). These passes change labels (and split possessive spans), and
change when a new labelling mistake is corrected; span edges are `boundaries`' business.

Data: reference/roles.yml, countries.yml, legal_forms.yml, particles.yml (through `words`); the rules
backend's classifier re-reads spans the model called places or products.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from unidecode import unidecode

from reconcile.extraction.names import PAREN_DEF, definitions
from reconcile.extraction.spans import ArticleSpans, Ent
from reconcile.extraction.words import (
    NOT_NAME,
    WORD,
    contains,
    country_words,
    ends_with_legal_form,
    is_name_word,
    name_particles,
    norm,
    role_words,
    tokens,
)

__all__ = ["KIND_OF_LABEL", "keep_name_spans", "label_person_parts", "relabel_on_evidence", "vote_labels"]

#: Labels that become mentions, and the mention kind of each.
KIND_OF_LABEL = {"PERSON": "person", "ORG": "organization", "VESSEL": "vessel", "AIRCRAFT": "aircraft"}
#: Labels the rules classifier may re-read when the country list does not know the span.
_RECLASSIFIED = frozenset({"FAC", "PRODUCT", "GPE", "LOC", "WORK_OF_ART", "NORP", "EVENT", "LAW"})
#: Labels that are a vessel when vessel words come right before them.
_VESSEL_CANDIDATES = frozenset({"FAC", "PRODUCT", "ORG", "GPE", "LOC", "WORK_OF_ART"})
_VESSEL_BEFORE = re.compile(
    r"(?:\bvessels?|\btankers?|\bships?|\bM/V|\bMV|\bM/T|\bMT|\bvessels? (?:named|called))\s*$", re.I
)
_POSSESSIVE_SPAN = re.compile(r"(.+?)'s\s+(.+)")


def relabel_on_evidence(art: ArticleSpans) -> None:
    """Relabel spans on strong textual evidence, whatever the backend said.

    A span ending in a legal form is an organisation ("I.C.I.C. KFT"); a span followed by its own
    surname in parentheses is a person ("Ylli Ndroqi (Ndroqi)", press-release style); a span the model
    called a place, facility or product that the country list does not know is re-read by the rules
    classifier ("Milorad Dodik" tagged FAC).
    """
    from reconcile.extraction.rules_backend import classify_span

    for e in art.ents:
        if e.locked:
            continue
        text = art.flat[e.start : e.end]
        toks = tokens(text)
        if ends_with_legal_form(text):
            e.label = "ORG"
            continue
        m = PAREN_DEF.match(art.flat, e.end)
        if m and 2 <= len(toks) <= 6 and contains(toks[1:], tokens(m.group(1))):
            if all(is_name_word(w) or w.lower() in name_particles() for w in WORD.findall(text)):
                e.label = "PERSON"
                continue
        if e.label in _RECLASSIFIED:
            if text not in country_words() and not tokens(text)[-1:] == ("s",):
                label = classify_span(text, False)
                if label == "ORG" or (label == "PERSON" and len(toks) >= 2):
                    e.label = label


def vote_labels(art: ArticleSpans) -> None:
    """One label per distinct surface in the article: the majority of its occurrences (PERSON on ties)."""
    groups: dict[str, list[Ent]] = defaultdict(list)
    for e in art.ents:
        groups[norm(art.text(e))].append(e)
    for members in groups.values():
        if len(members) < 2 or any(m.locked for m in members):
            continue
        counts = Counter(m.label for m in members if m.label != "MISC")  # MISC abstains
        if not counts:
            continue
        best = max(counts.items(), key=lambda kv: (kv[1], kv[0] == "PERSON"))[0]
        for m in members:
            m.label = best


def label_person_parts(art: ArticleSpans) -> None:
    """Spans equal to part of a known person's name become PERSON; untagged repeats are added."""
    people = [tokens(art.text(e)) for e in art.ents if e.label == "PERSON" and len(tokens(art.text(e))) >= 2]
    parts: set[tuple[str, ...]] = {
        toks for e in art.ents if e.label == "PERSON" and len(toks := tokens(art.text(e))) == 1 and len(toks[0]) > 2
    }
    for toks in people:
        for i in range(1, len(toks)):  # never the given name alone
            for j in range(i + 1, len(toks) + 1):
                if all(len(t) > 2 for t in toks[i:j]) and toks[i] not in name_particles():
                    parts.add(toks[i:j])
    if not parts:
        return
    for e in art.ents:
        if e.label != "PERSON" and not e.locked and tokens(art.text(e)) in parts:
            e.label = "PERSON"
    # split "Maduro's State Department" style spans
    for e in list(art.ents):
        if e.label == "PERSON" or e.locked:
            continue
        m = _POSSESSIVE_SPAN.match(art.flat[e.start : e.end])
        if m and tokens(m.group(1)) in parts:
            art.ents.remove(e)
            art.ents.append(Ent(e.start, e.start + len(m.group(1)), "PERSON"))
            art.ents.append(Ent(e.start + m.start(2), e.end, e.label))
    # untagged mentions of known surnames
    singles = {p for p in parts if len(p) == 1}
    if singles:
        alternation = "|".join(re.escape(p[0]) for p in sorted(singles, key=lambda p: -len(p[0])))
        pattern = re.compile(rf"(?<![\w-])({alternation})(?![\w-])", re.I)
        ascii_flat = unidecode(art.flat) if len(unidecode(art.flat)) == len(art.flat) else art.flat
        for m in pattern.finditer(ascii_flat):
            a, b = m.span(1)
            if not art.flat[a].isupper() or art.overlaps(a, b):
                continue
            art.ents.append(Ent(a, b, "PERSON"))
    art.ents.sort(key=lambda x: (x.start, -x.end))


def keep_name_spans(art: ArticleSpans) -> None:
    """Keep persons, organisations, vessels and aircraft that look like names."""
    out = []
    vessels = {norm(art.text(e)): e for e in art.ents if e.label == "VESSEL"}
    defs = definitions(art)
    for e in art.ents:
        text = art.flat[e.start : e.end]
        toks = tokens(text)
        if not e.locked and e.label not in KIND_OF_LABEL:
            target = vessels.get(norm(text)) or defs.get(norm(text))
            if target is not None and target is not e:
                e.label = target.label
        if not toks or e.label not in KIND_OF_LABEL:
            # GPE/FAC/PRODUCT/...: a vessel only with vessel words before it
            before = art.flat[max(art.para_start(e.start), e.start - 20) : e.start]
            if e.label in _VESSEL_CANDIDATES and _VESSEL_BEFORE.search(before):
                e.label = "VESSEL"
            else:
                continue
        if text in country_words() or all(t in role_words() or t in NOT_NAME for t in toks):
            continue
        if e.label == "PERSON":
            if any(c.isdigit() for c in text) or not any(w[:1].isupper() for w in WORD.findall(text)):
                continue
        out.append(e)
    art.ents = out

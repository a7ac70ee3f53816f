"""Shared post-processing: backend span proposals -> article-level Mentions.

Fixes the known weaknesses of a small NER model on news (measured in the project's NER notes), the same
way for both backends:

- possessives tagged as organisations ("Maduro's government"): spans equal to a part of a person's name
  become PERSON, and untagged repeats of a known surname are added;
- labels that vary across repeats: one majority vote per distinct surface in the article;
- long Hispanic names split into pieces ("Erika del Valle Farias Pena"): PERSON spans are extended over
  adjacent capitalised words and name particles, and touching PERSON spans are merged;
- surname-only later mentions ("Carvajal"): resolved to the fullest name in the same article;
- quoted nicknames inside names (Joaquin "El Chapo" Guzman Loera): one PERSON span, nickname as alias;
- acronyms and short forms defined in parentheses ("Petroleos de Venezuela, S.A. (PdVSA)");
- vessels ("Icaro (IMO 9038842)", "the vessel Esperanza") and aircraft registrations ("EW-001PA").

Data: reference/roles.yml, countries.yml, sanction_cues.yml, particles.yml, legal_forms.yml.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from unidecode import unidecode

from reconcile.extraction.base import Document, Identifier, Mention, Span
from reconcile.extraction.context import (
    find_countries,
    find_identifiers,
    find_registrations,
    find_sanction_cue,
    flatten,
    split_sentences,
)
from reconcile.extraction.roles import appositive_role, prenominal_role, role_only_spans
from reconcile.reference import (
    country_terms,
    courtesy_titles,
    legal_forms,
    org_words,
    particles,
    role_kinship,
    role_modifiers,
    role_positions,
)

_WORD = re.compile(r"\w+(?:[-'.]\w+)*")
_KIND_OF_LABEL = {"PERSON": "person", "ORG": "organization", "VESSEL": "vessel", "AIRCRAFT": "aircraft"}
#: Capitalised words that start sentences or name times, never part of a name.
_NOT_NAME = frozenset(
    "a an and as at but by for from he her his i if in it its my no not of on or our she so that the their then"
    " there these they this those to we when where which while who with you today yesterday tomorrow however"
    " also additionally moreover meanwhile furthermore related content according under since after before"
    " monday tuesday wednesday thursday friday saturday sunday january february march april may june july"
    " august september october november december imo passport".split()
)
_VESSEL_BEFORE = re.compile(
    r"(?:\bvessels?|\btankers?|\bships?|\bM/V|\bMV|\bM/T|\bMT|\bvessels? (?:named|called))\s*$", re.I
)
_NAME_RUN = r"[A-Z][\w'-]*(?:[ ](?:(?:de|del|la|las|los|da|do|dos|di|van|von|al|el)[ ])?[A-Z0-9][\w'-]*)*"
_IMO_AFTER = re.compile(rf"({_NAME_RUN})\s*\(\s*IMO(?:\s*(?:No\.?|number))?\s*:?\s*\d{{7}}\s*\)")
_VESSEL_NAMED = re.compile(rf"\b(?:the\s+)?(?:vessel|tanker|ship|M/V|M/T)\s+(?:the\s+)?({_NAME_RUN})")
_NICKNAME = re.compile(
    r"([A-Z][\w'-]+(?:\s+(?:[A-Z][\w'-]+|de|del|la))*)\s+\"([^\"\n]{1,40})\"\s+([A-Z][\w'-]+(?:\s+(?:[A-Z][\w'-]+|de|del|la))*)"
)
_PAREN_DEF = re.compile(r"\s*\(\s*(?:the\s+)?\"?([A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})\"?\s*\)")


@dataclass
class _Ent:
    start: int
    end: int
    label: str
    aliases: list[str] = field(default_factory=list)
    canonical: str | None = None
    locked: bool = False  # pattern evidence (IMO, nickname, registration): never relabelled


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(unidecode(flatten(text)).casefold()))


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_norm(text).split())


def _lf_tokens(text: str) -> tuple[str, ...]:
    """Tokens as legal_forms.yml writes them: dots dropped ("S.A." -> "sa"), lower-case ASCII."""
    return tuple(re.findall(r"\w+", unidecode(text.replace(".", "")).casefold()))


def _ends_with_legal_form(text: str) -> bool:
    toks = _lf_tokens(text)
    if len(toks) < 2:
        return False
    if toks[-1] in org_words():
        return True
    return any(toks[-len(p) :] == p for p in _legal_form_phrases() if len(p) < len(toks))


@cache
def _name_particles() -> frozenset[str]:
    p = particles()
    return p.get("european", frozenset()) | p.get("arabic_articles", frozenset()) | p.get("filiation", frozenset())


@cache
def _legal_form_phrases() -> tuple[tuple[str, ...], ...]:
    return tuple(sorted(legal_forms(), key=len, reverse=True))


@cache
def _country_words() -> frozenset[str]:
    return frozenset(term for term, _ in country_terms())


@cache
def _role_words() -> frozenset[str]:
    return role_positions() | role_kinship() | role_modifiers() | courtesy_titles()


def _is_name_word(word: str) -> bool:
    """A capitalised word that can continue a person's name (not a role, month, country or stop word)."""
    lw = word.lower().rstrip(".")
    return (
        word[:1].isupper()
        and lw not in _NOT_NAME
        and lw not in _role_words()
        and word not in _country_words()
        and not word.isupper()
        and not any(c.isdigit() for c in word)
        and not lw.endswith("'s")
    )


class _Resolver:
    """Holds one article's state while the passes run; one instance per document."""

    def __init__(self, doc: Document, spans: list[Span]) -> None:
        self.doc = doc
        self.flat = flatten(doc.text)
        self.paras = [(p.start, p.end) for p in doc.paragraphs]
        self.sentences = [s for p in doc.paragraphs for s in split_sentences(p.text, p.start)]
        self.ents = [_Ent(s.start, s.end, s.label) for s in spans]

    # ---- helpers ----
    def text(self, e: _Ent) -> str:
        return self.doc.text[e.start : e.end]

    def para_end(self, pos: int) -> int:
        for a, b in self.paras:
            if a <= pos <= b:
                return b
        return len(self.flat)

    def para_start(self, pos: int) -> int:
        for a, b in self.paras:
            if a <= pos <= b:
                return a
        return 0

    def sentence_of(self, pos: int) -> tuple[int, int]:
        for a, b in self.sentences:
            if a <= pos < b:
                return a, b
        return self.para_start(pos), self.para_end(pos)

    def _overlaps(self, a: int, b: int, skip: _Ent | None = None) -> list[_Ent]:
        return [e for e in self.ents if e is not skip and e.start < b and a < e.end]

    def _add(self, ent: _Ent) -> None:
        """Add a pattern entity; it replaces what it overlaps unless that is locked."""
        if any(e.locked for e in self._overlaps(ent.start, ent.end)):
            return
        self.ents = [e for e in self.ents if not (e.start < ent.end and ent.start < e.end)]
        self.ents.append(ent)

    # ---- passes ----
    def trim(self) -> None:
        """Strip leading articles and titles, trailing possessives and punctuation from each span."""
        out = []
        for e in self.ents:
            s, t = e.start, e.end
            while True:
                m = _WORD.match(self.flat, s, t)
                if not m:
                    break
                w = m.group().lower().rstrip(".")
                rest = _WORD.search(self.flat, m.end(), t)
                if w in ("the",) or (
                    e.label == "PERSON" and rest is not None and (w in _role_words() or w in _NOT_NAME)
                ):
                    s = rest.start() if rest else t
                    continue
                break
            cut = self.flat.find(" (", s, t)
            if cut > s and ")" not in self.flat[cut:t]:
                t = cut  # "Ylli Ndroqi (Ndroqi" -> "Ylli Ndroqi"
            while t > s and self.flat[t - 1] in " ,;:-\"'()[]":
                t -= 1
            if self.flat[s:t].endswith("'s"):
                t -= 2
            elif self.flat[s:t].endswith("."):
                last = self.flat[s:t].rsplit(None, 1)[-1]
                if not re.fullmatch(r"(?:[A-Za-z]\.)+|[A-Z][a-z]{1,3}\.", last):
                    t -= 1
            while s < t and self.flat[s] in " \"'([":
                s += 1
            if t > s and any(c.isalpha() for c in self.flat[s:t]):
                out.append(_Ent(s, t, e.label, e.aliases, e.canonical, e.locked))
        self.ents = out

    def patterns(self) -> None:
        """Vessels, aircraft registrations and nicknamed persons, found by pattern whatever the backend said."""
        for m in _NICKNAME.finditer(self.flat):
            given, nick, rest = m.group(1), m.group(2), m.group(3)
            first = given.split()
            if not first or first[-1].lower() in _NOT_NAME or not _is_name_word(rest.split()[0]):
                continue
            # keep only the name words of the run before the quote
            words = list(_WORD.finditer(self.flat, m.start(1), m.end(1)))
            k = len(words)
            while k > 0 and (
                _is_name_word(words[k - 1].group()) or (k == len(words) and words[k - 1].group()[0].isupper())
            ):
                k -= 1
            start = words[k].start() if k < len(words) else m.start(1)
            end = m.end(3)
            while True:  # stop the tail at the first non-name word
                tail = list(_WORD.finditer(self.flat, m.start(3), end))
                bad = [w for w in tail if not _is_name_word(w.group()) and w.group().lower() not in _name_particles()]
                if not bad:
                    break
                end = bad[0].start()
                while end > m.start(3) and self.flat[end - 1] in " ,":
                    end -= 1
            canonical = f"{self.doc.text[start : m.start(2) - 1].strip()} {self.doc.text[m.start(3) : end].strip()}"
            self._add(_Ent(start, end, "PERSON", [nick.strip()], canonical, locked=True))
        for pattern in (_IMO_AFTER, _VESSEL_NAMED):
            for m in pattern.finditer(self.flat):
                a, b = m.span(1)
                if _norm(self.flat[a:b]) in {"s", "the"}:
                    continue
                self._add(_Ent(a, b, "VESSEL", locked=True))
        for p_start, p_end in self.paras:
            for a, b, _reg in find_registrations(self.flat, p_start, p_end):
                self._add(_Ent(a, b, "AIRCRAFT", locked=True))

    def relabel(self) -> None:
        """Relabel spans on strong textual evidence, whatever the backend said.

        A span ending in a legal form is an organisation ("I.C.I.C. KFT"); a span followed by its own
        surname in parentheses is a person ("Ylli Ndroqi (Ndroqi)", press-release style); a span the model
        called a place, facility or product that the country list does not know is re-read by the rules
        classifier ("Milorad Dodik" tagged FAC).
        """
        from reconcile.extraction.rules_backend import classify_span

        for e in self.ents:
            if e.locked:
                continue
            text = self.flat[e.start : e.end]
            toks = _tokens(text)
            if _ends_with_legal_form(text):
                e.label = "ORG"
                continue
            m = _PAREN_DEF.match(self.flat, e.end)
            if m and 2 <= len(toks) <= 6 and _contains(toks[1:], _tokens(m.group(1))):
                if all(_is_name_word(w) or w.lower() in _name_particles() for w in _WORD.findall(text)):
                    e.label = "PERSON"
                    continue
            if e.label in {"FAC", "PRODUCT", "GPE", "LOC", "WORK_OF_ART", "NORP", "EVENT", "LAW"}:
                if text not in _country_words() and not _tokens(text)[-1:] == ("s",):
                    label = classify_span(text, False)
                    if label == "ORG" or (label == "PERSON" and len(toks) >= 2):
                        e.label = label

    def merge_orgs(self) -> None:
        """Join "Central Election Commission" + "of the Republic of Belarus" and "X and Associates Company"."""
        self.ents.sort(key=lambda x: x.start)
        out: list[_Ent] = []
        for e in self.ents:
            if out and not out[-1].locked and not e.locked:
                prev = out[-1]
                gap = self.flat[prev.end : e.start]
                first = _tokens(self.flat[e.start : e.end])[:1]
                if (
                    prev.label == "ORG" and e.label in {"GPE", "ORG", "LOC"} and re.fullmatch(r" of (?:the )?", gap)
                ) or (
                    e.label == "ORG"
                    and gap == " and "
                    and first
                    and first[0] in {"associates", "partners", "sons", "brothers", "company", "co"}
                ):
                    prev.end = e.end
                    prev.label = "ORG"
                    continue
            out.append(e)
        self.ents = out

    def extend_orgs(self) -> None:
        """Extend organisation spans over a following legal form (", S.A.", " Ltd.", " KFT")."""
        for e in self.ents:
            if e.label not in {"ORG", "PERSON", "GPE"} or e.locked:
                continue
            m = re.match(
                r",?(?:\s+\([A-Za-z]{1,3}\))?\s+((?:[A-Za-z]{1,5}\.?){1,4}(?:\s+[A-Za-z]{1,7}\.?)?)",
                self.flat[e.end : e.end + 30],
            )
            if not m:
                continue
            words = _lf_tokens(m.group(1))
            for phrase in _legal_form_phrases():
                if words[: len(phrase)] == phrase:
                    # consume exactly the characters of the phrase
                    consumed = 0
                    for w in _WORD.finditer(self.flat, e.end, e.end + m.end()):
                        consumed = w.end()
                        if len(_lf_tokens(self.flat[e.end : consumed])) >= len(phrase):
                            break
                    if consumed and not any(x.locked for x in self._overlaps(e.end, consumed, e)):
                        e.end = consumed + (1 if self.flat[consumed : consumed + 1] == "." else 0)
                        e.label = "ORG"
                        self.ents = [x for x in self.ents if x is e or not (x.start < e.end and e.start < x.end)]
                    break

    def extend_persons(self) -> None:
        """Grow PERSON spans over adjacent name words and particles; merge touching PERSON spans."""
        for e in self.ents:
            if e.label != "PERSON" or e.locked:
                continue
            limit = self.para_end(e.start)
            while True:
                m = re.compile(r" (\w[\w'-]*(?:\.\w+)*)").match(self.flat, e.end, limit)
                if not m:
                    break
                w = m.group(1)
                if w.lower() in _name_particles():
                    n = re.compile(r" ([A-Z][\w'-]*)").match(self.flat, m.end(), limit)
                    if n and _is_name_word(n.group(1)) and not self._overlaps(m.start(), n.end(), e):
                        e.end = n.end()
                        continue
                    break
                if _is_name_word(w) and not self._overlaps(m.start(1), m.end(1), e):
                    e.end = m.end(1)
                    continue
                break
            while True:
                para0 = self.para_start(e.start)
                m = re.compile(r"(\w[\w'-]*) $").search(self.flat, para0, e.start)
                if not m or not _is_name_word(m.group(1)) or self._overlaps(m.start(1), m.end(1), e):
                    break
                sent0 = self.sentence_of(e.start)[0]
                if m.start(1) == sent0 and m.group(1).lower() in _NOT_NAME:
                    break
                e.start = m.start(1)
        self.ents.sort(key=lambda x: (x.start, -x.end))
        merged: list[_Ent] = []
        for e in self.ents:
            if (
                merged
                and merged[-1].label == e.label == "PERSON"
                and not merged[-1].locked
                and not e.locked
                and self.flat[merged[-1].end : e.start] == " "
            ):
                merged[-1].end = e.end
                continue
            if merged and e.start < merged[-1].end:
                continue  # overlapping proposal: keep the first
            merged.append(e)
        self.ents = merged

    def vote(self) -> None:
        """One label per distinct surface in the article: the majority of its occurrences (PERSON on ties)."""
        groups: dict[str, list[_Ent]] = defaultdict(list)
        for e in self.ents:
            groups[_norm(self.text(e))].append(e)
        for members in groups.values():
            if len(members) < 2 or any(m.locked for m in members):
                continue
            counts = Counter(m.label for m in members if m.label != "MISC")  # MISC abstains
            if not counts:
                continue
            best = max(counts.items(), key=lambda kv: (kv[1], kv[0] == "PERSON"))[0]
            for m in members:
                m.label = best

    def person_parts(self) -> None:
        """Spans equal to part of a known person's name become PERSON; untagged repeats are added."""
        people = [_tokens(self.text(e)) for e in self.ents if e.label == "PERSON" and len(_tokens(self.text(e))) >= 2]
        parts: set[tuple[str, ...]] = {
            toks
            for e in self.ents
            if e.label == "PERSON" and len(toks := _tokens(self.text(e))) == 1 and len(toks[0]) > 2
        }
        for toks in people:
            for i in range(1, len(toks)):  # never the given name alone
                for j in range(i + 1, len(toks) + 1):
                    if all(len(t) > 2 for t in toks[i:j]) and toks[i] not in _name_particles():
                        parts.add(toks[i:j])
        if not parts:
            return
        for e in self.ents:
            if e.label != "PERSON" and not e.locked and _tokens(self.text(e)) in parts:
                e.label = "PERSON"
        # split "Maduro's State Department" style spans
        for e in list(self.ents):
            if e.label == "PERSON" or e.locked:
                continue
            m = re.match(r"(.+?)'s\s+(.+)", self.flat[e.start : e.end])
            if m and _tokens(m.group(1)) in parts:
                self.ents.remove(e)
                self.ents.append(_Ent(e.start, e.start + len(m.group(1)), "PERSON"))
                self.ents.append(_Ent(e.start + m.start(2), e.end, e.label))
        # untagged mentions of known surnames
        singles = {p for p in parts if len(p) == 1}
        if singles:
            alternation = "|".join(re.escape(p[0]) for p in sorted(singles, key=lambda p: -len(p[0])))
            pattern = re.compile(rf"(?<![\w-])({alternation})(?![\w-])", re.I)
            ascii_flat = unidecode(self.flat) if len(unidecode(self.flat)) == len(self.flat) else self.flat
            for m in pattern.finditer(ascii_flat):
                a, b = m.span(1)
                if not self.flat[a].isupper() or self._overlaps(a, b):
                    continue
                self.ents.append(_Ent(a, b, "PERSON"))
        self.ents.sort(key=lambda x: (x.start, -x.end))

    def _definitions(self) -> dict[str, _Ent]:
        """Short forms defined in parentheses after a name: {normalized short form: the named entity}."""
        defs: dict[str, _Ent] = {}
        for e in self.ents:
            m = _PAREN_DEF.match(self.flat, e.end)
            if m and e.label in {"ORG", "PERSON", "VESSEL"}:
                short = m.group(1)
                if _tokens(short) != _tokens(self.text(e)):
                    defs[_norm(short)] = e
        return defs

    def filter(self) -> None:
        """Keep persons, organisations, vessels and aircraft that look like names."""
        out = []
        vessels = {_norm(self.text(e)): e for e in self.ents if e.label == "VESSEL"}
        defs = self._definitions()
        for e in self.ents:
            text = self.flat[e.start : e.end]
            toks = _tokens(text)
            if not e.locked and e.label not in _KIND_OF_LABEL:
                target = vessels.get(_norm(text)) or defs.get(_norm(text))
                if target is not None and target is not e:
                    e.label = target.label
            if not toks or e.label not in _KIND_OF_LABEL:
                # GPE/FAC/PRODUCT/...: a vessel only with vessel words before it
                before = self.flat[max(self.para_start(e.start), e.start - 20) : e.start]
                if e.label in {"FAC", "PRODUCT", "ORG", "GPE", "LOC", "WORK_OF_ART"} and _VESSEL_BEFORE.search(before):
                    e.label = "VESSEL"
                else:
                    continue
            if text in _country_words() or all(t in _role_words() or t in _NOT_NAME for t in toks):
                continue
            if e.label == "PERSON":
                if any(c.isdigit() for c in text) or not any(w[:1].isupper() for w in _WORD.findall(text)):
                    continue
            out.append(e)
        self.ents = out

    def resolve_names(self) -> None:
        """Canonical names: fullest same-article person name; acronyms defined in parentheses."""
        defs = self._definitions()
        full_people = sorted(
            (e for e in self.ents if e.label == "PERSON"),
            key=lambda e: (-len(_tokens(e.canonical or self.text(e))), e.start),
        )
        for e in self.ents:
            own = e.canonical or self.text(e)
            key = _norm(own)
            if key in defs and defs[key] is not e:
                target = defs[key]
                e.canonical = target.canonical or self.text(target)
                if not e.locked:
                    e.label = target.label
                continue
            if e.label == "PERSON":
                toks = _tokens(own)
                for f in full_people:
                    ftoks = _tokens(f.canonical or self.text(f))
                    if len(ftoks) > len(toks) and _contains(ftoks, toks) and toks != ftoks[:1]:
                        e.canonical = f.canonical or self.text(f)
                        e.aliases = e.aliases or list(f.aliases)
                        break
            if e.canonical is None:
                e.canonical = own
        # vessels: one label for every mention of a vessel's name
        vessels = {_norm(e.canonical or "") for e in self.ents if e.label == "VESSEL"}
        for e in self.ents:
            if _norm(e.canonical or "") in vessels and not e.locked:
                e.label = "VESSEL"
        # kind vote per canonical
        by_canon: dict[str, list[_Ent]] = defaultdict(list)
        for e in self.ents:
            by_canon[_norm(e.canonical or "")].append(e)
        for members in by_canon.values():
            labels = Counter(m.label for m in members)
            if len(labels) > 1:
                best = max(labels.items(), key=lambda kv: (kv[0] == "VESSEL", kv[1], kv[0] == "PERSON"))[0]
                for m in members:
                    if not m.locked:
                        m.label = best
            longest = max((m.canonical or "" for m in members), key=len)
            for m in members:
                m.canonical = longest if _norm(longest) == _norm(m.canonical or "") else m.canonical

    # ---- output ----
    def mentions(self, name_key: Callable[[str, str], str]) -> list[Mention]:
        """Build Mentions with roles, countries, sanction cues and identifiers."""
        named = sorted(self.ents, key=lambda e: e.start)
        blocked = [(e.start, e.end) for e in named if e.label in {"PERSON", "VESSEL", "AIRCRAFT"}]
        claimed: list[tuple[int, int]] = [(e.start, e.end) for e in named if e.label == "PERSON"]
        out: list[Mention] = []
        for i, e in enumerate(named):
            s0, s1 = self.sentence_of(e.start)
            kind = _KIND_OF_LABEL[e.label]
            role = None
            if kind == "person":
                role = prenominal_role(self.flat, e.start, s0)
                app = appositive_role(self.flat, e.end, s1)
                if app:
                    claimed.append(app)
                    app_text = self.doc.text[app[0] : app[1]]
                    role = f"{role}; {app_text}" if role else app_text
            nxt = named[i + 1].start if i + 1 < len(named) and named[i + 1].start < s1 else s1
            ids = [ident for _, ident in find_identifiers(self.flat, e.end, min(nxt, e.end + 200))]
            if kind == "aircraft":
                ids.insert(0, Identifier("aircraft_registration", self.doc.text[e.start : e.end]))
            out.append(self._mention(e.start, e.end, e.canonical, kind, role, e.aliases, ids, s0, s1, blocked, e.label))
        for s0, s1 in self.sentences:
            for a, b in role_only_spans(self.flat, s0, s1):
                if any(x < b and a < y for x, y in claimed):
                    continue
                phrase = self.doc.text[a:b]
                out.append(self._mention(a, b, None, "person", phrase, [], [], s0, s1, blocked, "ROLE"))
        out.sort(key=lambda m: (m.start, m.end))
        return [m if m.canonical_name is None else _with_key(m, name_key(m.canonical_name, m.kind)) for m in out]

    def _mention(
        self,
        a: int,
        b: int,
        canonical: str | None,
        kind: str,
        role: str | None,
        aliases: list[str],
        ids: list[Identifier],
        s0: int,
        s1: int,
        blocked: list[tuple[int, int]],
        label: str,
    ) -> Mention:
        sentence = self.doc.text[s0:s1]
        flagged, cue, delisting = find_sanction_cue(sentence)
        countries = find_countries(self.flat, s0, s1, blocked)
        return Mention(
            start=a,
            end=b,
            surface=self.doc.text[a:b],
            canonical_name=canonical,
            kind=kind,
            sentence=sentence,
            role=role,
            countries=tuple(countries),
            sanction=flagged,
            sanction_cue=cue,
            delisting=delisting,
            identifiers=tuple(dict.fromkeys(ids)),
            aliases=tuple(aliases),
            label=label,
        )


def _with_key(m: Mention, key: str) -> Mention:
    from dataclasses import replace

    return replace(m, name_key=key)


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    n = len(needle)
    return any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def simple_name_key(name: str, kind: str) -> str:
    """Fallback name key: casefolded, transliterated to ASCII, punctuation dropped, single spaces."""
    del kind
    return _norm(name)


def resolve_mentions(
    doc: Document, spans: list[Span], name_key: Callable[[str, str], str] = simple_name_key
) -> list[Mention]:
    """Run every post-processing pass over one article's span proposals and return its Mentions."""
    r = _Resolver(doc, spans)
    r.trim()
    r.patterns()
    r.relabel()
    r.extend_orgs()
    r.merge_orgs()
    r.extend_persons()
    r.vote()
    r.person_parts()
    r.filter()
    r.resolve_names()
    return r.mentions(name_key)

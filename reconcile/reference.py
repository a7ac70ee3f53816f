"""Cached loaders for the curated lexicons in reference/; the only module that reads that folder.

Each lexicon is one file (commented YAML or TSV) documented in reference/README.md. Consumers call the
typed accessors below, never open files themselves, so a malformed lexicon fails in one place with the
file name and line in the message.
"""

from __future__ import annotations

import csv
from functools import cache
from typing import Any

import yaml

from reconcile.errors import InputError
from reconcile.resources import reference_dir


@cache
def load_yaml(name: str) -> Any:
    """Parse reference/<name> (YAML); errors name the file and line."""
    path = reference_dir() / name
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(f"malformed lexicon: {exc}", path=str(path), line=mark.line + 1 if mark else None) from exc


@cache
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of reference/<name> (TSV with a header row; lines starting with # are comments)."""
    path = reference_dir() / name
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t")
    rows = []
    for lineno, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise InputError("wrong number of tab-separated fields", path=str(path), line=lineno)
        rows.append({k: v.strip() for k, v in row.items()})
    return tuple(rows)


def reset_caches() -> None:
    """Forget every loaded lexicon and every accessor built on one (tests that edit reference/ files call this)."""
    for value in list(globals().values()):
        clear = getattr(value, "cache_clear", None)
        if callable(clear) and getattr(value, "__module__", None) == __name__:
            clear()


# ---- typed accessors: one section per consuming package, each naming its file ----


# ---- reconcile.extraction / reconcile.news (issue 4): roles.yml, countries.yml, sanction_cues.yml ----


def _word_list(name: str, key: str) -> frozenset[str]:
    data = load_yaml(name)
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise InputError(f"expected a list under '{key}'", path=str(reference_dir() / name))
    return frozenset(str(w).lower() for w in data[key])


def role_positions() -> frozenset[str]:
    """Nouns that head a title or a role-only mention (reference/roles.yml `positions`)."""
    return _word_list("roles.yml", "positions")


def role_kinship() -> frozenset[str]:
    """Relational nouns that head a title but never a role-only mention (reference/roles.yml `kinship`)."""
    return _word_list("roles.yml", "kinship")


def role_modifiers() -> frozenset[str]:
    """Words allowed before a role head inside a title (reference/roles.yml `modifiers`)."""
    return _word_list("roles.yml", "modifiers")


def courtesy_titles() -> frozenset[str]:
    """Honorifics and rank abbreviations printed before names, without dots (reference/roles.yml)."""
    return _word_list("roles.yml", "courtesy")


def country_terms() -> tuple[tuple[str, str], ...]:
    """(name or demonym, ISO-2 code) pairs from reference/countries.yml, longest term first."""
    data = load_yaml("countries.yml")
    if not isinstance(data, dict):
        raise InputError("expected a mapping of ISO codes", path=str(reference_dir() / "countries.yml"))
    pairs = [(str(term), str(code)) for code, entry in data.items() for term in (*entry["names"], *entry["demonyms"])]
    return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p[0])))


def sanction_cue_patterns() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(delisting, listing) regular-expression fragments from reference/sanction_cues.yml."""
    data = load_yaml("sanction_cues.yml")
    if not isinstance(data, dict):
        raise InputError("expected delisting and listing lists", path=str(reference_dir() / "sanction_cues.yml"))
    return tuple(str(p) for p in data["delisting"]), tuple(str(p) for p in data["listing"])


# ---- reconcile.snapshots (remarks parser, issue 2): remark_labels.yml ----
# Cached because parse_remarks asks for them once per entry (15,000 per snapshot).


@cache
def remark_labels() -> dict[str, tuple[str, str]]:
    """Remark part labels, lower-cased -> (fact kind, detail) (reference/remark_labels.yml `labels`)."""
    data = load_yaml("remark_labels.yml")
    path = str(reference_dir() / "remark_labels.yml")
    if not isinstance(data, dict) or not isinstance(data.get("labels"), dict):
        raise InputError("expected a mapping under 'labels'", path=path)
    out: dict[str, tuple[str, str]] = {}
    for label, target in data["labels"].items():
        kind, sep, detail = str(target).partition("/")
        if not (sep and kind and detail):
            raise InputError(f"label {label!r}: {target!r} is not kind/detail", path=path)
        out[str(label).lower()] = (kind, detail)
    return out


@cache
def dotted_name_endings() -> frozenset[str]:
    """Name-final words that keep their "." (reference/remark_labels.yml `dotted_name_endings`)."""
    return frozenset(w.upper() for w in _word_list("remark_labels.yml", "dotted_name_endings"))


# ---- reconcile.normalize: honorifics.yml, particles.yml, legal_forms.yml, given_name_equivalents.yml ----


def _phrase_map(name: str, key: str | None = None) -> dict[tuple[str, ...], str]:
    """Invert a `canonical: [variant phrase, ...]` mapping into {variant tokens: canonical}.

    A variant listed under two canonicals is an error naming the file, because the lookup would then
    depend on dictionary order.
    """
    data = load_yaml(name)
    if key is not None:
        data = (data or {}).get(key)
    if not isinstance(data, dict):
        raise InputError(f"expected a mapping{' under ' + key if key else ''}", path=name)
    out: dict[tuple[str, ...], str] = {}
    for canonical, variants in data.items():
        for variant in [canonical, *(variants or [])]:
            tokens = tuple(str(variant).split())
            if out.get(tokens, canonical) != canonical:
                raise InputError(f"variant {variant!r} listed under two canonicals", path=name)
            out[tokens] = str(canonical)
    return out


def _token_set(name: str, key: str) -> frozenset[str]:
    values = (load_yaml(name) or {}).get(key)
    if not isinstance(values, list):
        raise InputError(f"expected a list under {key}", path=name)
    return frozenset(str(v) for v in values)


@cache
def honorific_prefixes() -> dict[tuple[str, ...], str]:
    """Titles and ranks stripped from the front of person names: {phrase tokens: canonical}."""
    return _phrase_map("honorifics.yml", "prefixes")


@cache
def honorific_suffixes() -> dict[tuple[str, ...], str]:
    """Generational suffixes (jr, iii) stripped from the end of person names: {phrase tokens: canonical}."""
    return _phrase_map("honorifics.yml", "suffixes")


@cache
def particles() -> dict[str, frozenset[str]]:
    """Name particle classes of particles.yml: {class name: tokens}."""
    data = load_yaml("particles.yml") or {}
    return {key: _token_set("particles.yml", key) for key in sorted(data)}


@cache
def legal_forms() -> dict[tuple[str, ...], str]:
    """Organisation legal forms: {phrase tokens: canonical form}."""
    return _phrase_map("legal_forms.yml", "forms")


@cache
def leading_legal_forms() -> frozenset[str]:
    """Canonical legal forms that are also written before the name (OOO "Romashka")."""
    return _token_set("legal_forms.yml", "leading")


@cache
def legal_form_spellings() -> dict[str, str]:
    """Transliteration variants of legal-form words: {variant token: the spelling the forms use}."""
    return {tokens[0]: canon for tokens, canon in _phrase_map("legal_forms.yml", "spellings").items()}


@cache
def org_cues() -> frozenset[str]:
    """Tokens that make an untyped name an organisation (kept in the name, unlike legal forms)."""
    return _token_set("legal_forms.yml", "org_cues")


@cache
def given_name_equivalents() -> dict[str, str]:
    """Given-name spellings to their canonical spelling: {variant token: canonical}, canonicals included."""
    return {tokens[0]: canon for tokens, canon in _phrase_map("given_name_equivalents.yml").items()}


def org_words() -> frozenset[str]:
    """Words that make a capitalised span an organisation in the rules backend (reference/org_words.yml)."""
    return _word_list("org_words.yml", "words")

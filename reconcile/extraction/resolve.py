"""Shared post-processing: backend span proposals -> article-level Mentions, the same way for both backends.

Fixes the known weaknesses of a small NER model on news (measured in the project's NER notes). This
module only fixes the order of the passes, each of which lives in the module for its reason to change:

- `patterns`: vessels ("Icaro (IMO 9038842)", "the vessel Esperanza"), aircraft registrations
  ("EW-001PA") and quoted nicknames inside names (Joaquin "El Chapo" Guzman Loera), locked against later
  passes;
- `boundaries`: titles and possessives trimmed; long Hispanic names split into pieces ("Erika del Valle
  Farias Pena") re-joined over adjacent name words and particles; legal forms and "of the ..." joined
  to organisation names;
- `labels`: relabelling on textual evidence, one majority label per distinct surface, possessives tagged
  as organisations ("Maduro's government") turned into the person, and the filter of what is a name;
- `names`: surname-only later mentions ("Carvajal") resolved to the fullest name in the same article,
  short forms defined in parentheses ("Petroleos de Venezuela, S.A. (PdVSA)");
- `assemble`: Mentions with roles, countries, sanction cues and identifiers.

Data: reference/roles.yml, countries.yml, sanction_cues.yml, particles.yml, legal_forms.yml.
"""

from __future__ import annotations

from collections.abc import Callable

from reconcile.extraction.assemble import build_mentions
from reconcile.extraction.base import Document, Mention, Span
from reconcile.extraction.boundaries import extend_organizations, extend_persons, merge_organizations, trim_spans
from reconcile.extraction.labels import keep_name_spans, label_person_parts, relabel_on_evidence, vote_labels
from reconcile.extraction.names import resolve_names
from reconcile.extraction.patterns import add_pattern_entities
from reconcile.extraction.spans import ArticleSpans
from reconcile.extraction.words import norm

__all__ = ["resolve_mentions", "simple_name_key"]

#: The passes in the order they run; each reads and rewrites the article's spans.
_PASSES: tuple[Callable[[ArticleSpans], None], ...] = (
    trim_spans,
    add_pattern_entities,
    relabel_on_evidence,
    extend_organizations,
    merge_organizations,
    extend_persons,
    vote_labels,
    label_person_parts,
    keep_name_spans,
    resolve_names,
)


def simple_name_key(name: str, kind: str) -> str:
    """Fallback name key: casefolded, transliterated to ASCII, punctuation dropped, single spaces."""
    del kind
    return norm(name)


def resolve_mentions(
    doc: Document, spans: list[Span], name_key: Callable[[str, str], str] = simple_name_key
) -> list[Mention]:
    """Run every post-processing pass over one article's span proposals and return its Mentions."""
    art = ArticleSpans(doc, spans)
    for run_pass in _PASSES:
        run_pass(art)
    return build_mentions(art, name_key)

"""Name normalization shared by both sides of the linkage: news mentions and SDN list names.

One pipeline (see reconcile.normalize.name) turns a raw name in any script into lower-case ASCII tokens,
with titles, particles and legal forms handled by the lexicons in reference/, person names split into given
names and surnames by naming convention, and a phonetic key per token.
"""

from reconcile.normalize.name import CONVENTIONS, KINDS, NormalizedName, normalize_many, normalize_name
from reconcile.normalize.phonetic import phonetic_key, skeleton
from reconcile.normalize.text import to_latin

__all__ = [
    "CONVENTIONS",
    "KINDS",
    "NormalizedName",
    "normalize_many",
    "normalize_name",
    "phonetic_key",
    "skeleton",
    "to_latin",
]

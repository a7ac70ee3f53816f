"""Text layer of name normalization: any script to lower-case ASCII Latin, punctuation settled.

One function, `to_latin`, serves both sides (news mentions and SDN names), so a difference between two
normalized names is a difference between the names, never between two code paths.

Order of work: Unicode NFKC (full-width forms, ligatures, compatibility characters), then script-specific
transliteration where unidecode is weak, then unidecode for everything else, then casefold and punctuation:

- Cyrillic: a BGN/PCGN-style table that matches how OFAC romanises Russian, Ukrainian and Belarusian names
  (й -> y, ы -> y, х -> kh, ц -> ts, я -> ya; г -> h when the text has Ukrainian or Belarusian letters;
  е -> ye at the start of a word). unidecode would write "Iuriiovych" where OFAC writes "Yuriyovych".
- Greek: modern (ELOT 743-like) values, so "Μητσοτάκης" is "mitsotakis" rather than unidecode's
  classical "metsotakes".
- Arabic and Persian script: unidecode drops short vowels ("محمد" -> "mhmd"). A word that rigour's
  cross-script person-name symbols (MIT licence, data compiled into the installed wheel, no network) tie
  to a canonical spelling in reference/given_name_equivalents.yml comes out as that spelling
  ("محمد" -> "mohammad"); any other word gets a consonant transliteration with long vowels, which the
  phonetic key (consonant skeleton) still compares well. The article "ال" becomes a hyphen-attached "al-"
  so the particle rules treat it like a romanised "al-".
- Hebrew: the same rigour lookup, then unidecode.
- Han and Hangul: a run of 2-4 syllables is taken as one personal name written surname-first without spaces
  (the usual case for names), so it becomes "surname givenname" ("习近平" -> "xi jinping").

Punctuation: apostrophes and their look-alikes are removed inside words (O'Brien -> obrien, Sa'id -> said);
dots inside initialisms are dropped (S.A. -> sa, C.V. -> cv); hyphens and commas are kept by `clean_text`
(particles need the hyphen, the list convention needs the comma) and turned into spaces by `to_latin`.
Everything else that is not a letter or digit becomes a space; "&" becomes "and".
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from unidecode import unidecode

__all__ = ["clean_text", "to_latin"]

_CYR_BASE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
}  # fmt: skip
_CYR_VOWELS = set("аеёиоуыэюяіїєў")
_UKR_BEL = set("іїєґў")
_CYR_WORD = re.compile(r"[\u0400-\u04ff]+")

_GREEK_DIGRAPHS = [("ου", "ou"), ("αυ", "av"), ("ευ", "ev"), ("γγ", "ng"), ("γκ", "g"), ("γχ", "nch")]
_GREEK_INITIAL = [("μπ", "b"), ("ντ", "d")]
_GREEK_BASE = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i", "κ": "k",
    "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s", "ς": "s", "τ": "t",
    "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o",
}  # fmt: skip
_GREEK_WORD = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]+")

# Arabic and Persian letters; long vowels and semi-vowels are decided in context (see _arabic_word).
_AR_CONS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z",
    "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "gh", "ف": "f", "ق": "q", "ك": "k",
    "ل": "l", "م": "m", "ن": "n", "ه": "h", "پ": "p", "چ": "ch", "ژ": "zh", "گ": "g", "ک": "k", "ة": "a",
    "ى": "a", "أ": "a", "إ": "i", "آ": "a", "ء": "", "ع": "", "ؤ": "u", "ئ": "i", "ٱ": "a",
}  # fmt: skip
# Function words of Arabic names, romanised the way particles.yml expects them.
_AR_WORDS = {
    "بن": "bin",
    "ابن": "ibn",
    "بنت": "bint",
    "ابو": "abu",
    "أبو": "abu",
    "عبد": "abd",
    "ام": "umm",
    "أم": "umm",
}
_AR_HARAKAT = {"\u064e": "a", "\u064f": "u", "\u0650": "i", "\u064b": "an", "\u064c": "un", "\u064d": "in"}
_AR_WORD = re.compile(r"[\u0600-\u06ff\u0750-\u077f]+")
_HE_WORD = re.compile(r"[\u0590-\u05ff]+")
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+")

_APOSTROPHES = re.compile(r"(?<=\w)['`\u2019\u2018\u02bc\u02bb\u00b4\u02b9\u02be\u02bf](?=\w)")
_INITIALISM_DOT = re.compile(r"(?<=\b[a-z])\.(?=[a-z]\b)")
_NON_WORD = re.compile(r"[^a-z0-9,\- ]+")
_SPACES = re.compile(r"\s+")
_HYPHEN_SPACES = re.compile(r"\s*-\s*")
_COMMA_SPACES = re.compile(r"\s*,\s*")


def _cyrillic_word(word: str, ukr_bel: bool) -> str:
    """Romanise one Cyrillic word, keeping its case pattern out of the way (caller lower-cases)."""
    low = word.lower()
    out: list[str] = []
    prev = ""
    for i, ch in enumerate(low):
        if ch == "е" and (i == 0 or prev in _CYR_VOWELS or prev in "ъь"):
            out.append("ye")
        elif ch == "г" and ukr_bel:
            out.append("h")
        elif ch == "и" and ukr_bel and "і" in low:
            out.append("y")  # Ukrainian и is a back vowel, written y (Yuriyovych, Dmytro)
        else:
            out.append(_CYR_BASE.get(ch, ch))
        prev = ch
    return "".join(out)


def _greek_word(word: str) -> str:
    low = "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))
    for src, dst in _GREEK_INITIAL:
        if low.startswith(src):
            low = dst + low[len(src) :]
    for src, dst in _GREEK_DIGRAPHS:
        low = low.replace(src, dst)
    return "".join(_GREEK_BASE.get(c, c) for c in low)


@cache
def _cross_script_lookup() -> dict[str, str]:
    """Map rigour name-symbol ids to the canonical Latin spellings of given_name_equivalents.yml."""
    from rigour.names import NameTypeTag, analyze_names

    from reconcile.reference import given_name_equivalents

    by_symbol: dict[str, str] = {}
    canon_names = sorted(set(given_name_equivalents().values()))
    for canon in canon_names:
        for name in analyze_names(NameTypeTag.PER, [canon], consolidate=False, phonetics=False):
            for span in name.spans:
                if len(span.parts) == 1:
                    by_symbol.setdefault(span.symbol.id, canon)
    return by_symbol


@cache
def _cross_script_word(word: str) -> str | None:
    """Canonical Latin spelling for a non-Latin word rigour recognises as a known given name."""
    from rigour.names import NameTypeTag, analyze_names

    lookup = _cross_script_lookup()
    votes: dict[str, int] = {}
    for name in analyze_names(NameTypeTag.PER, [word], consolidate=False, phonetics=False):
        for span in name.spans:
            canon = lookup.get(span.symbol.id)
            if canon is not None and len(span.parts) == 1:
                votes[canon] = votes.get(canon, 0) + 1
    if not votes:
        return None
    return max(sorted(votes), key=lambda k: votes[k])


def _arabic_word(word: str) -> str:
    if word in _AR_WORDS:
        return _AR_WORDS[word]
    prefix = ""
    if word.startswith("ال") and len(word) > 3:
        prefix, word = "al-", word[2:]
    known = _cross_script_word(word)
    if known is not None:
        return prefix + known
    out: list[str] = []
    n = len(word)
    for i, ch in enumerate(word):
        if ch in _AR_HARAKAT:
            out.append(_AR_HARAKAT[ch])
        elif ch == "\u0651" and out:  # shadda doubles the consonant
            out.append(out[-1][-1:])
        elif ch == "ا":
            out.append("a")
        elif ch in "وي":
            semi = "w" if ch == "و" else "y"
            vowel = "u" if ch == "و" else "i"
            out.append(semi if i == 0 or i == n - 1 and n <= 2 else vowel)
        else:
            out.append(_AR_CONS.get(ch, ""))
    return prefix + "".join(out)


def _hebrew_word(word: str) -> str:
    known = _cross_script_word(word)
    return known if known is not None else unidecode(word)


def _cjk_run(run: str) -> str:
    syllables = [s for s in unidecode(run).lower().split() if s]
    if 2 <= len(syllables) <= 4:
        return " " + syllables[0] + " " + "".join(syllables[1:]) + " "
    return " " + " ".join(syllables) + " "


def _transliterate(text: str) -> str:
    """Script-specific romanisation of the non-ASCII parts of text (already NFKC)."""
    if _CYR_WORD.search(text):
        ukr_bel = any(ch in _UKR_BEL for ch in text.lower())
        text = _CYR_WORD.sub(lambda m: _cyrillic_word(m.group(0), ukr_bel), text)
    if _GREEK_WORD.search(text):
        text = _GREEK_WORD.sub(lambda m: _greek_word(m.group(0)), text)
    if _AR_WORD.search(text):
        text = _AR_WORD.sub(lambda m: " " + _arabic_word(m.group(0)) + " ", text)
    if _HE_WORD.search(text):
        text = _HE_WORD.sub(lambda m: _hebrew_word(m.group(0)), text)
    if _CJK_RUN.search(text):
        text = _CJK_RUN.sub(lambda m: _cjk_run(m.group(0)), text)
    return unidecode(text)


def clean_text(raw: str) -> str:
    """Lower-case ASCII form of raw keeping only letters, digits, spaces, hyphens and commas.

    Hyphens and commas survive because later steps need them: a hyphen attaches an Arabic article to its
    noun ("ar-Rahman"), a comma separates surnames from given names on the OFAC list.
    """
    text = raw if raw.isascii() else unicodedata.normalize("NFKC", raw)
    if not text.isascii():
        text = _transliterate(text)
    text = text.lower()
    if "'" in text or "`" in text:
        text = _APOSTROPHES.sub("", text)
    if "&" in text:
        text = text.replace("&", " and ")
    if "." in text:
        text = _INITIALISM_DOT.sub("", text)
    text = _NON_WORD.sub(" ", text)
    if "-" in text:
        text = _HYPHEN_SPACES.sub("-", text)
    if "," in text:
        text = _COMMA_SPACES.sub(", ", text)
    return " ".join(text.split()).strip(" ,-")


def to_latin(raw: str) -> str:
    """Transliterated, casefolded, punctuation-free form of raw: ASCII tokens separated by single spaces.

    Examples:
        >>> to_latin("O'Brien, Seán")
        'obrien sean'
        >>> to_latin("Виталий Юрийович")
        'vitaliy yuriyovich'
    """
    return " ".join(clean_text(raw).replace(",", " ").replace("-", " ").split())

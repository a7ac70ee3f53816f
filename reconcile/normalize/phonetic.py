"""Phonetic key per token, built for romanised names rather than for English words.

Soundex and Metaphone were designed for English spelling; the variants that matter here come from
transliteration schemes: kh/h (Zakharchenko/Zaharchenko), ks/x (Aleksandr/Alexander), q/k (Marzuq/Marzouk),
ou/u, w/v, dzh/j/dj, ch/sh (French and English romanisations of one Arabic letter: Chehade/Shehade,
Hachem/Hashem, Hamcho/Hamsho), Belarusian u for v before -sk (Kalinouski/Kalinowski, Zimousky/Zimovsky),
doubled letters (Mohammed/Mohamed), vowel choice (Hawatmeh/Hawatmah) and Slavic
endings (-iy/-yy/-ii/-y/-i). `skeleton` folds those into one spelling; `phonetic_key` keeps the first
letter class and the consonants of the skeleton, so vowel-less romanisations of Arabic script ("mhmd")
meet vowelled ones ("muhammad").
Deliberately coarse: a shared key is a blocking and weak-evidence signal, never a match on its own.
"""

from __future__ import annotations

import re
from functools import cache

__all__ = ["phonetic_key", "skeleton"]

_ENDING = re.compile(r"(?:iy|yy|ii|ij|yi|y)$")  # Slavic adjectival endings: Slutskiy / Slutsky / Slutskii
_DOUBLES = re.compile(r"([a-z])\1+")
# Applied in order with str.replace (fast C loops); earlier rules see the longer clusters first.
_REPLACEMENTS: tuple[tuple[str, str], ...] = (
    ("shch", "s"), ("sch", "s"), ("dzh", "j"), ("dj", "j"), ("tch", "ch"), ("kh", "h"), ("gh", "g"),
    ("zh", "j"), ("sh", "s"), ("ph", "f"), ("th", "t"), ("dh", "d"), ("ck", "k"), ("cq", "k"), ("q", "k"),
    ("x", "ks"), ("ce", "se"), ("ci", "si"), ("cy", "sy"), ("ch", "s"), ("c", "k"),
    ("w", "v"), ("ts", "c"), ("tz", "c"), ("ousk", "ovsk"), ("eusk", "evsk"), ("ausk", "avsk"),
    ("ou", "u"), ("oo", "u"), ("ee", "i"),
)  # fmt: skip
_VOWELS = re.compile(r"[aeiouy]")


@cache
def skeleton(token: str) -> str:
    """Token with transliteration variants folded ("zakharchenko" -> "zaharcenko", "marzouk" -> "marzuk").

    Examples:
        >>> skeleton("aleksandr") == skeleton("alexandr")
        True
    """
    out = _ENDING.sub("i", token)
    if out.startswith("ye"):
        out = out[1:]  # Yevgeny / Evgeny, Yelena / Elena
    elif out[:1] == "y" and out[1:2] in ("a", "e", "i", "o", "u"):
        out = "i" + out[1:]  # Yuri / Iuri
    for old, new in _REPLACEMENTS:
        if old in out:
            out = out.replace(old, new)
    if len(out) > 2 and out[-1] == "h" and out[-2] in "aeiou":
        out = out[:-1]  # silent final h: Hawatmeh / Hawatma, Allah / Alla
    return _DOUBLES.sub(r"\1", out)


@cache
def phonetic_key(token: str) -> str:
    """First letter class plus consonant skeleton of a token, at most 8 characters.

    A leading vowel is written "a" (Ali/Ely/Oleg vowels vary across schemes); digits are kept as they are.

    Examples:
        >>> phonetic_key("muhammad"), phonetic_key("mohamed"), phonetic_key("mhmd")
        ('mhmd', 'mhmd', 'mhmd')
        >>> phonetic_key("hawatmeh") == phonetic_key("hawatmah")
        True
    """
    sk = skeleton(token)
    if not sk:
        return ""
    head = "a" if sk[0] in "aeiouy" else sk[0]
    tail = _VOWELS.sub("", sk[1:])
    key = _DOUBLES.sub(r"\1", head + tail)
    return key[:8]

"""The Splink model's definition as code: comparisons, levels and blocking rules (dialect-neutral).

Only the *shape* of the model lives here; its trained parameters (m and u of every level, the prior) live
in reference/sdn_model.json, written by `reconcile train`. `model.py` re-renders the level SQL from this
module for the dialect in use and takes only the numbers from the JSON, so the same trained model runs on
DuckDB today and on Spark later (splink5.md pitfall 8: a saved JSON holds dialect-specific SQL).

The name is ONE composite comparison. Splitting full name, surname, given names and phonetic codes into
separate comparisons would count one piece of evidence several times, because Fellegi-Sunter treats the
comparisons as independent; the levels below are ordered from the strongest agreement to the weakest, and
a pair falls into the first level it satisfies.

Every column named here is produced by `prepare.py` (see `STD_SCHEMA` there) for both sides alike.
"""

from __future__ import annotations

from typing import Any

import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import SettingsCreator, block_on
from splink.internals.comparison_level_creator import ComparisonLevelCreator
from splink.internals.dialects import SplinkDialect

__all__ = [
    "COVER_JW",
    "MID_BITS",
    "NEAR_JW",
    "RARE_BITS",
    "RARE_KEY_BITS",
    "COMMON_KEY_BITS",
    "SurnameAgreesLevel",
    "KEY_COLUMN",
    "FirstGivenAgreesLevel",
    "FirstGivenDiffersLevel",
    "FuzzyTokenCoverLevel",
    "GuardedFuzzyCoverLevel",
    "JoinedCoverLevel",
    "LEFTOVER_BITS",
    "LeftoverWordsLevel",
    "SetCoverLevel",
    "SoundCoverLevel",
    "SurnameConflictLevel",
    "BothMultiWordLevel",
    "SetOverlapLevel",
    "SharedInformationLevel",
    "FuzzyTokenOverlapLevel",
    "blocking_rules",
    "build_settings",
    "country_comparison",
    "kind_comparison",
    "name_comparison",
]

#: Two tokens "agree" when their Jaro-Winkler similarity reaches this (Hawatmeh/Hawatmah 0.95,
#: Aleksandr/Alexander 0.90, Asif/Asef 0.88; Smith/Smyth 0.89). Below it, agreement is left to the
#: phonetic codes.
COVER_JW = 0.88

#: Words "spelt near" each other: the bar under which agreement by sound alone counts as spelt apart
#: (Marian/Marion 0.92, Lauren/Laureano 0.93 pass; Mayra/Mario, Dreier/Dairo, Boebert/Brito do not).
NEAR_JW = 0.8

#: Words "spelt loosely alike": transliterations of one patronymic or given name far apart in spelling
#: (Hryhoryavich/Ryhorovich, Uladzimiravich/Vladimirovich); other names (Vladimirovich/Igorevich) fall below.
LOOSE_JW = 0.75

#: A looser bar for the whole-name Jaro-Winkler level (one long string, so typos cost less).
FULL_JW = 0.92

#: Information (bits) of the shorter name's words above which a covering agreement counts as a rare
#: name: about two words each held by at most one name in 2,000 of the list, or one unique word and a
#: common one. MID_BITS: about two moderately common words.
RARE_BITS = 22
MID_BITS = 15

#: Information (bits) of a key word agreeing alone above which it counts as rare: held by about four
#: names or fewer in a list of 18,000 names (RISHMAK in RISHMAK PRODUCTIVE & EXPORTS COMPANY).
RARE_KEY_BITS = 12

#: Below this a key word agreeing alone is common (held by more than ~1 name in 500: GUZMAN, REZAEI).
COMMON_KEY_BITS = 9

#: Information (bits) of a word one name holds and the other lacks above which it names another body
#: (held by about one name in 500 or fewer: KVANT, SINAI), for LeftoverWordsLevel.
LEFTOVER_BITS = 9

#: The key word of a name: the surname of a person (first surname of a Hispanic double surname), the
#: rarest word of any other name. Its information in the screened snapshot (`key_bits`) splits the
#: levels where it agrees alone.
KEY_COLUMN = "key_token"


class _TokenLevel(ComparisonLevelCreator):
    """Base of the token-array levels: SQL rendered per dialect, from the same Python definition."""

    def __init__(self, col_name: str, threshold: float) -> None:
        self.col_name = col_name
        self.threshold = threshold

    def _any_similar(self, sql_dialect: SplinkDialect, x: str, other: str) -> str:
        # "x agrees with some token of `other`": exact, or Jaro-Winkler at or above the threshold.
        dialect = sql_dialect.sql_dialect_str
        if dialect == "duckdb":
            return (
                f"list_bool_or(list_transform({other}, lambda y: "
                f"y = {x} OR jaro_winkler_similarity({x}, y) >= {self.threshold}))"
            )
        if dialect == "spark":
            return f"exists({other}, y -> y = {x} OR jaro_winkler({x}, y) >= {self.threshold})"
        raise NotImplementedError(f"token levels have no SQL for dialect {dialect}")

    def _covered(self, sql_dialect: SplinkDialect, side: str, other: str) -> str:
        # Number of tokens of `side` that agree with some token of `other`.
        dialect = sql_dialect.sql_dialect_str
        cond = self._any_similar(sql_dialect, "x", other)
        if dialect == "duckdb":
            return f"len(list_filter({side}, lambda x: {cond}))"
        return f"size(filter({side}, x -> {cond}))"

    def _size(self, sql_dialect: SplinkDialect, col: str) -> str:
        return f"len({col})" if sql_dialect.sql_dialect_str == "duckdb" else f"size({col})"

    def _jw(self, sql_dialect: SplinkDialect) -> str:
        # The Jaro-Winkler function's name: DuckDB's own, or the UDF spark/similarity registers.
        dialect = sql_dialect.sql_dialect_str
        if dialect not in ("duckdb", "spark"):
            raise NotImplementedError(f"token levels have no SQL for dialect {dialect}")
        return "jaro_winkler_similarity" if dialect == "duckdb" else "jaro_winkler"

    def _listed_person(self, sql_dialect: SplinkDialect) -> str:
        # The list side is a person whose surnames are known (the levels about family names need them).
        return f"entity_kind_r = 'person' AND {self._size(sql_dialect, 'surnames_r')} > 0"


class FuzzyTokenCoverLevel(_TokenLevel):
    """Every token of the shorter name agrees (exactly or fuzzily) with some token of the longer one.

    This is how a news mention relates to a fuller listed name: "Nicolas Maduro" for MADURO MOROS,
    Nicolas; "Alexander Kuzin" for KUZIN, Aleksandr Yuryevich. Word order does not matter.
    """

    def __init__(self, col_name: str, threshold: float, min_tokens: int = 2) -> None:
        super().__init__(col_name, threshold)
        self.min_tokens = min_tokens

    def create_sql(self, sql_dialect: SplinkDialect) -> str:  # noqa: D102
        col_l, col_r = f"{self.col_name}_l", f"{self.col_name}_r"
        n_l, n_r = self._size(sql_dialect, col_l), self._size(sql_dialect, col_r)
        return (
            f"(({n_l} <= {n_r} AND {n_l} >= {self.min_tokens} "
            f"AND {self._covered(sql_dialect, col_l, col_r)} = {n_l}) OR "
            f"({n_r} < {n_l} AND {n_r} >= {self.min_tokens} "
            f"AND {self._covered(sql_dialect, col_r, col_l)} = {n_r}))"
        )

    def create_label_for_charts(self) -> str:  # noqa: D102
        return f"All words of the shorter name agree (JW>={self.threshold})"


class JoinedCoverLevel(_TokenLevel):
    """Every word of the name with fewer words agrees with a word of the other, or two adjacent ones joined.

    Sources split and join name parts differently: "Reza Mozaffari Nia" for MOZAFFARINIA, Reza; "Sunam
    Pang" for PANG, Su Nam; "Gholam Reza Soleymani" for SOLEIMANI, Gholamreza. Tried only when the
    names differ in word count, which a join or split always causes.
    """

    def create_sql(self, sql_dialect: SplinkDialect) -> str:  # noqa: D102
        dialect = sql_dialect.sql_dialect_str
        if dialect == "duckdb":
            wider_l, wider_r = "list_concat(tokens_l, joined_l)", "list_concat(tokens_r, joined_r)"
        elif dialect == "spark":
            wider_l, wider_r = "concat(tokens_l, joined_l)", "concat(tokens_r, joined_r)"
        else:
            raise NotImplementedError(f"token levels have no SQL for dialect {dialect}")
        n_l, n_r = self._size(sql_dialect, "tokens_l"), self._size(sql_dialect, "tokens_r")
        # The joined columns are named outside the lambdas too, where Splink looks for the columns a
        # level needs.
        return (
            "(CASE WHEN joined_l IS NULL OR joined_r IS NULL THEN false "
            f"WHEN {n_l} < {n_r} AND {n_l} >= 2 THEN {self._covered(sql_dialect, 'tokens_l', wider_r)} = {n_l} "
            f"WHEN {n_r} < {n_l} AND {n_r} >= 2 THEN {self._covered(sql_dialect, 'tokens_r', wider_l)} = {n_r} "
            "ELSE false END)"
        )

    def create_label_for_charts(self) -> str:  # noqa: D102
        return "All words of the shorter name agree, adjacent words joined"


class FuzzyTokenOverlapLevel(_TokenLevel):
    """At least `min_count` tokens of one name agree (exactly or fuzzily) with tokens of the other."""

    def __init__(self, col_name: str, threshold: float, min_count: int) -> None:
        super().__init__(col_name, threshold)
        self.min_count = min_count

    def create_sql(self, sql_dialect: SplinkDialect) -> str:  # noqa: D102
        col_l, col_r = f"{self.col_name}_l", f"{self.col_name}_r"
        return f"{self._covered(sql_dialect, col_l, col_r)} >= {self.min_count}"

    def create_label_for_charts(self) -> str:  # noqa: D102
        return f"{self.min_count}+ words agree (JW>={self.threshold})"


class SetCoverLevel(_TokenLevel):
    """All distinct words (or sounds) of the shorter name are among the longer name's: exact agreement.

    Written as a count of shared elements, which DuckDB evaluates far faster than array intersections.
    """

    def __init__(self, col_name: str, min_tokens: int = 2) -> None:
        super().__init__(col_name, 1.0)
        self.min_tokens = min_tokens

    def create_sql(self, sql_dialect: SplinkDialect) -> str:  # noqa: D102
        shared, least = _shared(sql_dialect, self.col_name), _least_size(sql_dialect, self.col_name)
        return f"({least} >= {self.min_tokens} AND {shared} = {least})"

    def create_label_for_charts(self) -> str:  # noqa: D102
        return f"All of the shorter {self.col_name} in the longer"


class SetOverlapLevel(_TokenLevel):
    """At least `min_count` distinct words (or sounds) are shared."""

    def __init__(self, col_name: str, min_count: int) -> None:
        super().__init__(col_name, 1.0)
        self.min_count = min_count

    def create_sql(self, sql_dialect: SplinkDialect) -> str:  # noqa: D102
        return f"{_shared(sql_dialect, self.col_name)} >= {self.min_count}"

    def create_label_for_charts(self) -> str:  # noqa: D102
        return f"{self.min_count}+ {self.col_name} shared"


class GuardedFuzzyCoverLevel(FuzzyTokenCoverLevel):
    """FuzzyTokenCoverLevel, tried only when all sounds of the shorter name but one are shared.

    The Jaro-Winkler over every word pair is the costliest SQL of the model; the guard (a CASE, which
    both engines evaluate lazily) keeps it to the few pairs where one spelling may be all that differs.
    """

    def create_sql(self, sql_dialect: SplinkDialect) -> str:  # noqa: D102
        shared, least = _shared(sql_dialect, "phonetic"), _least_size(sql_dialect, "phonetic")
        inner = super().create_sql(sql_dialect)
        guard = f"{least} >= 2 AND ({shared} >= {least} - 1 OR ({least} >= 4 AND {shared} >= {least} - 2))"
        return f"(CASE WHEN {guard} THEN {inner} ELSE false END)"


class SharedInformationLevel(_TokenLevel):
    """At least two sounds are shared and the words carrying them are, together, at least `bits` rare.

    Token-set agreement weighted by rarity: "Lydia Mihaulauna Yermoshina" and YARMOSHINA, Lidziya
    Mihaulauna share two rare sounds although the given names are spelt apart, while "Harakat ul-Ansar"
    and HARAKAT UL-MUJAHIDEEN share only common ones. The information is the query side's (left) share of
    `phonetic_bits` (prepare.py), each sound counted once.
    """

    def __init__(self, bits: float, min_shared: int = 2) -> None:
        super().__init__("phonetic", 1.0)
        self.bits = bits
        self.min_shared = min_shared

    def create_sql(self, sql_dialect: SplinkDialect) -> str:  # noqa: D102
        shared = _shared(sql_dialect, "phonetic")
        return f"({shared} >= {self.min_shared} AND {_shared_bits(sql_dialect)} >= {self.bits})"

    def create_label_for_charts(self) -> str:  # noqa: D102
        return f"{self.min_shared}+ sounds shared, together >= {self.bits} bits"


class SoundCoverLevel(_TokenLevel):
    """Every word of the shorter name has its own sound among the longer name's: one sound per word.

    Counted against the number of WORDS of the shorter name, not of its distinct sounds: MOHAMMADI,
    Mohammad Reza holds two sounds for three words, and "Masoud Mohammad Rezaei" holds both, yet
    "Masoud" has no counterpart and MOHAMMADI none of its own (one query word cannot stand for two).
    """

    def __init__(self, min_tokens: int = 2) -> None:
        super().__init__("phonetic", 1.0)
        self.min_tokens = min_tokens

    def create_sql(self, sql_dialect: SplinkDialect) -> str:  # noqa: D102
        shared, least = _shared(sql_dialect, "phonetic"), _least_size(sql_dialect, "tokens")
        return f"({least} >= {self.min_tokens} AND {shared} >= {least})"

    def create_label_for_charts(self) -> str:  # noqa: D102
        return "Every word of the shorter name has its own sound in the longer"


class SurnameConflictLevel(_TokenLevel):
    """Persons whose shared words leave a family name on each side without a counterpart.

    The list side knows its surnames (`SURNAME(S), Given`). When one of them has no counterpart among
    the query's words AND the query has a word with no counterpart in the listed name, the query names
    someone of another family where the list's surname should be: "Jesus Alfredo Beltran Guzman" and
    GUZMAN SALAZAR, Jesus Alfredo agree on the given names (common across families), not on the family.
    A query word counts as the surname's counterpart when it is the same word, or sounds or is spelt
    like it without being an exact copy of another listed word (one query word does not stand for both
    Mohammad and MOHAMMADI). Tried only for pairs sharing two or more sounds (the partial levels below),
    so the Jaro-Winkler work stays on few pairs. Left is the query, right the list name.
    """

    def __init__(self, threshold: float) -> None:
        super().__init__("tokens", threshold)

    def create_sql(self, sql_dialect: SplinkDialect) -> str:  # noqa: D102
        dialect = sql_dialect.sql_dialect_str
        t = self.threshold
        shared = _shared(sql_dialect, "phonetic")
        if dialect == "duckdb":
            zl = "list_zip(tokens_l, token_codes_l)"
            zr = "list_zip(tokens_r, token_codes_r)"
            zs = "list_zip(surnames_r, surname_codes_r)"
            counterpart = (
                f"coalesce(list_bool_or(list_transform({zl}, lambda q: q[1] = s[1] OR "
                f"(NOT list_contains(tokens_r, q[1]) AND (q[2] = s[2] OR "
                f"jaro_winkler_similarity(q[1], s[1]) >= {t})))), false)"
            )
            lone_surname = f"len(list_filter({zs}, lambda s: NOT {counterpart})) > 0"
            agrees = (
                f"coalesce(list_bool_or(list_transform({zr}, lambda r: r[1] = q[1] OR r[2] = q[2] OR "
                f"jaro_winkler_similarity(q[1], r[1]) >= {t})), false)"
            )
            lone_word = f"len(list_filter({zl}, lambda q: NOT {agrees})) > 0"
        elif dialect == "spark":
            zl = "zip_with(tokens_l, token_codes_l, (a, b) -> named_struct('w', a, 'c', b))"
            zr = "zip_with(tokens_r, token_codes_r, (a, b) -> named_struct('w', a, 'c', b))"
            zs = "zip_with(surnames_r, surname_codes_r, (a, b) -> named_struct('w', a, 'c', b))"
            counterpart = (
                f"exists({zl}, q -> q.w = s.w OR (NOT array_contains(tokens_r, q.w) AND (q.c = s.c OR "
                f"jaro_winkler(q.w, s.w) >= {t})))"
            )
            lone_surname = f"exists({zs}, s -> NOT {counterpart})"
            agrees = f"exists({zr}, r -> r.w = q.w OR r.c = q.c OR jaro_winkler(q.w, r.w) >= {t})"
            lone_word = f"exists({zl}, q -> NOT {agrees})"
        else:
            raise NotImplementedError(f"token levels have no SQL for dialect {dialect}")
        guard = self._listed_person(sql_dialect)
        return f"(CASE WHEN {guard} AND {shared} >= 2 THEN ({lone_surname}) AND ({lone_word}) ELSE false END)"

    def create_label_for_charts(self) -> str:  # noqa: D102
        return "Given names agree, a surname on each side differs"


class SurnameAgreesLevel(_TokenLevel):
    """A person's listed (first) surname has its counterpart among the query's words.

    What separates a variant of the listed person from a namesake is mostly the family name: "Andrey
    Vladimirovich Sushko" and SUSHKO, Andriy Volodymyrovych agree on the surname and only sound alike
    elsewhere, while "Lauren Boebert" and GONZALEZ BRITO, Andres Laureano sound alike word by word with
    no surname spelt alike. The counterpart is the same word, or one spelt near it (Jaro-Winkler) that
    is not an exact copy of another listed word (a query's Mohammad is not MOHAMMADI when the list
    also holds Mohammad). Left is the query, right the list name.
    """

    def create_sql(self, sql_dialect: SplinkDialect) -> str:  # noqa: D102
        dialect = sql_dialect.sql_dialect_str
        t = self.threshold
        if dialect == "duckdb":
            s = "surnames_r[1]"
            found = (
                f"coalesce(list_bool_or(list_transform(tokens_l, lambda q: q = {s} OR "
                f"(NOT list_contains(tokens_r, q) AND jaro_winkler_similarity(q, {s}) >= {t}))), false)"
            )
        elif dialect == "spark":
            s = "element_at(surnames_r, 1)"
            found = (
                f"exists(tokens_l, q -> q = {s} OR "
                f"(NOT array_contains(tokens_r, q) AND jaro_winkler(q, {s}) >= {t}))"
            )
        else:
            raise NotImplementedError(f"token levels have no SQL for dialect {dialect}")
        return f"(CASE WHEN {self._listed_person(sql_dialect)} THEN {found} ELSE false END)"

    def create_label_for_charts(self) -> str:  # noqa: D102
        return "The listed surname agrees"


_FIRST_GIVEN_KNOWN = "first_given_l IS NOT NULL AND first_given_r IS NOT NULL"


class FirstGivenAgreesLevel(_TokenLevel):
    """Both names' first given names agree: spelt the same or near, or sounding alike.

    A relative of a listed person shares the surname and often the father's or patronymic names
    ("Omar Alejandro Trevino Morales" and TREVINO MORALES, Miguel; "Karina Ramzanovna Kadyrova" and
    KADYROVA, Tabarik Ramzanovna) but not the first name, while a spelling of the listed person keeps
    it ("Natallia Vladimirovna Piatkevich" for PIATKEVICH, Natallia Uladzimirauna).
    """

    def __init__(self, threshold: float) -> None:
        super().__init__("first_given", threshold)

    def _agree(self, sql_dialect: SplinkDialect) -> str:
        return (
            "(first_given_l = first_given_r OR first_given_code_l = first_given_code_r OR "
            f"{self._jw(sql_dialect)}(first_given_l, first_given_r) >= {self.threshold})"
        )

    def create_sql(self, sql_dialect: SplinkDialect) -> str:  # noqa: D102
        return f"({_FIRST_GIVEN_KNOWN} AND {self._agree(sql_dialect)})"

    def create_label_for_charts(self) -> str:  # noqa: D102
        return "The first given names agree"


class FirstGivenDiffersLevel(FirstGivenAgreesLevel):
    """Both names give a first name, and they do not agree (the negation of FirstGivenAgreesLevel).

    A shared surname with another first name is a namesake or a relative: "Hossein Mohammad Rezaei" and
    REZAEI, Qasem.
    """

    def create_sql(self, sql_dialect: SplinkDialect) -> str:  # noqa: D102
        return f"({_FIRST_GIVEN_KNOWN} AND NOT {self._agree(sql_dialect)})"

    def create_label_for_charts(self) -> str:  # noqa: D102
        return "The first given names differ"


class LeftoverWordsLevel(_TokenLevel):
    """Each name holds a word of at least `bits` information that the other lacks (compared by sound).

    Two bodies of one family share their rare words and differ in one more: FEDERAL STATE UNITARY
    ENTERPRISE ... BAZALT and "... Scientific Research Institute Kvant", ISLAMIC STATE ... CAUCASUS
    PROVINCE and "... Sinai Province". A variant of one body's name adds or drops words on one side only
    ("Ofogh Tose-eh Saberin Engineering" for OFOGH SABERIN ENGINEERING DEVELOPMENT COMPANY). Generic
    organisation words carry at most GENERIC_WORD_BITS (prepare.py), so they never count as left over.
    """

    def __init__(self, bits: float) -> None:
        super().__init__("phonetic", 1.0)
        self.bits = bits

    def create_sql(self, sql_dialect: SplinkDialect) -> str:  # noqa: D102
        left, right = _leftover_bits(sql_dialect, "l", "r"), _leftover_bits(sql_dialect, "r", "l")
        return f"least({left}, {right}) >= {self.bits}"

    def create_label_for_charts(self) -> str:  # noqa: D102
        return f"Each side has a word of {self.bits}+ bits the other lacks"


def _leftover_bits(sql_dialect: SplinkDialect, side: str, other: str) -> str:
    # The information of the most informative sound of `side` that `other` does not hold (0 if none).
    if sql_dialect.sql_dialect_str == "duckdb":
        return (
            f"coalesce(list_max(list_transform(list_zip(phonetic_{side}, phonetic_bits_{side}), lambda p: "
            f"CASE WHEN list_contains(phonetic_{other}, p[1]) THEN 0.0 ELSE p[2] END)), 0.0)"
        )
    if sql_dialect.sql_dialect_str == "spark":
        return (
            f"aggregate(zip_with(phonetic_{side}, phonetic_bits_{side}, (c, b) -> "
            f"IF(array_contains(phonetic_{other}, c), 0D, b)), 0D, (acc, x) -> greatest(acc, x))"
        )
    raise NotImplementedError(f"set levels have no SQL for dialect {sql_dialect.sql_dialect_str}")


def _shared_bits(sql_dialect: SplinkDialect) -> str:
    # Sum of phonetic_bits_l over the left sounds the right side also holds.
    if sql_dialect.sql_dialect_str == "duckdb":
        return (
            "list_sum(list_transform(list_zip(phonetic_l, phonetic_bits_l), lambda p: "
            "CASE WHEN list_contains(phonetic_r, p[1]) THEN p[2] ELSE 0.0 END))"
        )
    if sql_dialect.sql_dialect_str == "spark":
        return (
            "aggregate(zip_with(phonetic_l, phonetic_bits_l, (c, b) -> "
            "IF(array_contains(phonetic_r, c), b, 0D)), 0D, (acc, x) -> acc + x)"
        )
    raise NotImplementedError(f"set levels have no SQL for dialect {sql_dialect.sql_dialect_str}")


def _shared(sql_dialect: SplinkDialect, col: str) -> str:
    # Number of distinct elements both sides hold (prepare.py keeps tokens and sounds distinct).
    if sql_dialect.sql_dialect_str == "duckdb":
        return f"len(list_filter({col}_l, lambda x: list_contains({col}_r, x)))"
    if sql_dialect.sql_dialect_str == "spark":
        return f"size(array_intersect({col}_l, {col}_r))"
    raise NotImplementedError(f"set levels have no SQL for dialect {sql_dialect.sql_dialect_str}")


def _least_size(sql_dialect: SplinkDialect, col: str) -> str:
    size = "len" if sql_dialect.sql_dialect_str == "duckdb" else "size"
    return f"least({size}({col}_l), {size}({col}_r))"


class BothMultiWordLevel(_TokenLevel):
    """Both names have at least two words (so when only one agrees, the others disagree)."""

    def __init__(self) -> None:
        super().__init__("tokens", 1.0)

    def create_sql(self, sql_dialect: SplinkDialect) -> str:  # noqa: D102
        return f"{_least_size(sql_dialect, 'tokens')} >= 2"

    def create_label_for_charts(self) -> str:  # noqa: D102
        return "Both names have two or more words"


def _rare_key(bits: float) -> cll.CustomLevel:
    # The information of the agreeing key word (surname, or an organisation's rarest word).
    return cll.CustomLevel(f"least(key_bits_l, key_bits_r) >= {bits}")


def _not_person() -> cll.CustomLevel:
    # A body's one distinctive word names it (RISHMAK COMPANY); a person's lone surname does not.
    return cll.CustomLevel("entity_kind_r <> 'person'")


def _one_sided(level: ComparisonLevelCreator, label: str) -> ComparisonLevelCreator:
    # An organisation's partial agreement where only one name has distinctive words of its own: the
    # other's are all matched (a variant adding or dropping words), placed before the level itself.
    leftover = cll.Not(LeftoverWordsLevel(LEFTOVER_BITS))
    return cll.And(_not_person(), level, leftover).configure(label_for_charts=label)


def _partial_tier(
    bits: float,
    word: str,
    first: ComparisonLevelCreator,
    surname: ComparisonLevelCreator,
    loose: ComparisonLevelCreator | None = None,
) -> list[ComparisonLevelCreator]:
    # The partial levels of one rarity tier (shared words of `bits` or more), strongest first: for a
    # person by which of surname and first name agree, for an organisation by whether only one side has
    # words of its own. `loose`: a first level where the other words are spelt loosely alike.
    def shared() -> SharedInformationLevel:
        return SharedInformationLevel(bits)

    tier: list[ComparisonLevelCreator] = []
    if loose is not None:
        tier.append(
            cll.And(first, shared(), surname, loose).configure(
                label_for_charts="Surname and first name agree, the other words spelt loosely alike"
            )
        )
    return [
        *tier,
        cll.And(first, shared(), surname).configure(
            label_for_charts=f"Surname, first name and other {word} words agree, others differ"
        ),
        cll.And(shared(), surname).configure(
            label_for_charts=f"Surname and other {word} words agree, the first name differs"
        ),
        cll.And(first, shared()).configure(
            label_for_charts=f"The first name and other {word} words agree, others differ"
        ),
        _one_sided(shared(), f"Two or more {word} words agree, only one name has distinctive words of its own"),
        shared().configure(label_for_charts=f"Two or more {word} words agree, others differ"),
    ]


def _rare(bits: float) -> cll.CustomLevel:
    # The information of the agreeing words: for the covering levels, the shorter name's words, whose
    # information the shorter name's record carries (prepare.py: name_bits).
    return cll.CustomLevel(f"least(name_bits_l, name_bits_r) >= {bits}")


def name_comparison() -> cl.CustomComparison:
    """The one composite name comparison, strongest level first.

    How much agreeing words prove depends on how rare they are in the list being screened: "State
    Department" inside a long ministry name is two common words, "Nicolas Maduro" inside MADURO MOROS,
    Nicolas two rare ones. The covering levels are therefore split by the information of the shorter
    name's words (`name_bits`, log2 of N over the names holding each word, from the screened snapshot),
    and the levels where the key word agrees alone by the key word's information (`key_bits`). Not by
    Splink's term-frequency adjustment: that replaces a level's u with the word's frequency among all
    names, ignoring that the level holds only pairs of one shape (a one-word name, say), and so called
    RISHMAK, held by one name in 18,628, "common" (-3.9 bits). Cheap array levels come first and the
    Jaro-Winkler token level is tried only for pairs that already share a sound, so most pairs never
    reach it.

    Persons have structure: the list side knows its surnames. Words that agree while a listed surname
    and a query word are both left without a counterpart (SurnameConflictLevel) are given names shared
    across families, weak evidence however rare the given names are in the list, so those pairs get
    their own levels ahead of the fuzzy and partial ones. Likewise a surname agreeing while the other
    words differ is its own level, apart from a one-word name agreeing. Covering by sound needs one
    sound per word of the shorter name (SoundCoverLevel), and the whole-name Jaro-Winkler level needs
    every word of the shorter name spelt near one of the other's.

    Where the words that do not agree at the usual bar are still spelt loosely alike (LOOSE_JW), a
    person's words are one name transliterated twice rather than another name: "Aleksandr Hryhoryavich
    Lukashenko" for LUKASHENKA, Alyaksandr Ryhorovich, not "Igor Vladimirovich Borisov" for BORISOV,
    Igor Borisovich; those pairs get their own levels ahead of "others differ".

    Within a level the cheap tests come first (word information, then set tests, then Jaro-Winkler
    over words): DuckDB evaluates a conjunction's later terms only for rows the earlier ones kept.

    Agreement by sound alone is its own, weaker level: phonetic codes are coarse ("Boebert" and BRITO,
    "Berry" and BARRERA share one), so words that agree only by sound, not by spelling (Jaro-Winkler),
    prove less than "Solemani" for SOLEIMANI.
    """
    same = cll.CustomLevel("sorted_key_l = sorted_key_r")
    cover = SetCoverLevel("tokens")
    sound = SoundCoverLevel()
    conflict = SurnameConflictLevel(COVER_JW)
    near = FuzzyTokenCoverLevel("tokens", NEAR_JW, 2)
    fuzzy = GuardedFuzzyCoverLevel("tokens", COVER_JW, 2)
    surname = SurnameAgreesLevel("tokens", COVER_JW)
    first = FirstGivenAgreesLevel(NEAR_JW)
    first_differs = FirstGivenDiffersLevel(NEAR_JW)
    joined = JoinedCoverLevel("tokens", COVER_JW)
    loose = FuzzyTokenCoverLevel("tokens", LOOSE_JW, 2)
    key = cll.ExactMatchLevel(KEY_COLUMN)
    return cl.CustomComparison(
        output_column_name="name",
        comparison_levels=[
            cll.NullLevel("full_norm"),
            cll.And(same, _rare(RARE_BITS)).configure(label_for_charts="Same words, rare name"),
            cll.And(same, _rare(MID_BITS)).configure(label_for_charts="Same words, uncommon name"),
            same.configure(label_for_charts="Same words, common name"),
            cll.And(_rare(RARE_BITS), cover).configure(label_for_charts="Shorter name's words all in the longer, rare"),
            cll.And(_rare(MID_BITS), cover).configure(label_for_charts="Shorter name's words all in the longer"),
            cover.configure(label_for_charts="Shorter name's words all in the longer, common words"),
            cll.And(conflict, SharedInformationLevel(MID_BITS), loose).configure(
                label_for_charts="Uncommon words agree, the surnames and other words spelt loosely alike"
            ),
            cll.And(conflict, SharedInformationLevel(MID_BITS)).configure(
                label_for_charts="Uncommon words agree but a surname on each side differs"
            ),
            conflict.configure(label_for_charts="Common words agree but a surname on each side differs"),
            cll.And(_rare(RARE_BITS), fuzzy).configure(
                label_for_charts="Shorter name's words all agree, some spelt differently, rare"
            ),
            cll.And(_rare(MID_BITS), fuzzy).configure(
                label_for_charts="Shorter name's words all agree, some spelt differently, uncommon"
            ),
            fuzzy.configure(label_for_charts="Shorter name's words all agree, some spelt differently, common words"),
            cll.And(_rare(RARE_BITS), sound, surname, near).configure(
                label_for_charts="Every word sounds alike and is spelt near, the surname alike, rare"
            ),
            cll.And(_rare(MID_BITS), sound, surname, near).configure(
                label_for_charts="Every word sounds alike and is spelt near, the surname alike, uncommon"
            ),
            cll.And(_rare(RARE_BITS), sound, near).configure(
                label_for_charts="Shorter name's words all sound alike and are spelt near, rare"
            ),
            cll.And(_rare(MID_BITS), sound, near).configure(
                label_for_charts="Shorter name's words all sound alike and are spelt near, uncommon"
            ),
            cll.And(_rare(RARE_BITS), first, sound).configure(
                label_for_charts="Shorter name's words all sound alike, the first names agree, rare"
            ),
            cll.And(_rare(MID_BITS), sound).configure(
                label_for_charts="Shorter name's words all sound alike, spelt apart, uncommon"
            ),
            sound.configure(label_for_charts="Shorter name's words all sound alike, spelt apart, common words"),
            cll.And(_rare(MID_BITS), joined).configure(
                label_for_charts="Shorter name's words all agree once adjacent words are joined, uncommon"
            ),
            joined.configure(label_for_charts="Shorter name's words all agree once adjacent words are joined, common"),
            *_partial_tier(RARE_BITS, "rare", first, surname),
            cll.And(cll.JaroWinklerLevel("full_norm", FULL_JW), FuzzyTokenCoverLevel("tokens", NEAR_JW, 1)).configure(
                label_for_charts="Whole name spelt similarly, word by word"
            ),
            *_partial_tier(MID_BITS, "uncommon", first, surname, loose=loose),
            _one_sided(
                SetOverlapLevel("phonetic", 2),
                "Two or more words agree, only one name has distinctive words of its own",
            ),
            SetOverlapLevel("phonetic", 2).configure(label_for_charts="Two or more words agree, others differ"),
            cll.And(key, BothMultiWordLevel(), first_differs).configure(
                label_for_charts="The surname agrees, the first names differ"
            ),
            cll.And(key, BothMultiWordLevel(), _rare_key(RARE_KEY_BITS)).configure(
                label_for_charts="Rare surname or key word agrees, the other words differ"
            ),
            cll.And(key, BothMultiWordLevel(), _rare_key(COMMON_KEY_BITS)).configure(
                label_for_charts="Uncommon surname or key word agrees, the other words differ"
            ),
            cll.And(key, BothMultiWordLevel()).configure(
                label_for_charts="Surname or key word agrees, the other words differ"
            ),
            cll.And(key, _rare_key(RARE_KEY_BITS), _not_person()).configure(
                label_for_charts="Only the key word agrees, rare"
            ),
            cll.And(key, _rare_key(COMMON_KEY_BITS), _not_person()).configure(
                label_for_charts="Only the key word agrees, uncommon"
            ),
            key.configure(label_for_charts="Only the key word agrees"),
            _one_sided(
                SharedInformationLevel(RARE_KEY_BITS, min_shared=1),
                "One rare word agrees, only one name has distinctive words of its own",
            ),
            cll.And(_not_person(), SharedInformationLevel(RARE_KEY_BITS, min_shared=1)).configure(
                label_for_charts="One rare word agrees"
            ),
            SetOverlapLevel("phonetic", 1).configure(label_for_charts="One word agrees"),
            cll.ElseLevel().configure(label_for_charts="No word agrees"),
        ],
        comparison_description="Name",
    )


def kind_comparison() -> cl.CustomComparison:
    """Person vs organisation: a mention of a person is not a company, vessel or aircraft of that name.

    Queries only say person or organization, so every non-person kind of the list (entity, vessel,
    aircraft) agrees with "organization".
    """
    return cl.CustomComparison(
        output_column_name="entity_kind",
        comparison_levels=[
            cll.NullLevel("entity_kind"),
            cll.CustomLevel(
                "(entity_kind_l = 'person') = (entity_kind_r = 'person')",
                label_for_charts="Same kind of party",
            ),
            cll.ElseLevel().configure(label_for_charts="Different kind of party"),
        ],
        comparison_description="Kind",
    )


def country_comparison() -> cl.CustomComparison:
    """The mention's country against the entry's nationality, citizenship and addresses, then its programs.

    All ISO-2 codes (linkage.countries). A country a program names (VENEZUELA-EO13850) is weaker evidence
    than the entry's own nationality or address, so it is a level of its own. Unknown on either side
    (no country in the mention's context, or none on the entry) is no evidence either way.
    """
    return cl.CustomComparison(
        output_column_name="country",
        comparison_levels=[
            cll.CustomLevel("countries_l IS NULL OR (countries_r IS NULL AND program_countries_r IS NULL)").configure(
                is_null_level=True
            ),
            cll.ArrayIntersectLevel("countries", min_intersection=1).configure(
                label_for_charts="Country agrees with the entry's nationality or address"
            ),
            cll.ArrayIntersectLevel("program_countries", min_intersection=1).configure(
                label_for_charts="Country agrees with the entry's sanctions program"
            ),
            cll.ElseLevel().configure(label_for_charts="Countries differ"),
        ],
        comparison_description="Country",
    )


def blocking_rules() -> list[Any]:
    """Which pairs get scored: recall first, at a bounded cost.

    `block_keys` holds, per name, every word and word-pair (and their phonetic codes) that is rare in
    the snapshot (prepare.py caps how many list names may share a key), so a pair shares a key when it
    shares a distinctive word, a distinctive sound, or an unusual combination of common words
    ("jorge|rodriguez"). The sorted-token rule catches names made only of common words.
    """
    return [
        block_on("sorted_key"),
        block_on("block_keys", arrays_to_explode=["block_keys"]),
    ]


def build_settings() -> SettingsCreator:
    """The full model definition; training fills in its numbers."""
    return SettingsCreator(
        link_type="link_only",
        unique_id_column_name="unique_id",
        comparisons=[name_comparison(), kind_comparison(), country_comparison()],
        blocking_rules_to_generate_predictions=blocking_rules(),
        retain_intermediate_calculation_columns=True,
        retain_matching_columns=True,
        additional_columns_to_retain=["ent_num", "name_raw", "query_id"],
    )

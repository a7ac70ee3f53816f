"""Typed rows of the OFAC legacy CSV set, as the parsers hand them to ingest.

Text is kept as published (latin-1 decoded, surrounding spaces trimmed); the `-0- ` null marker
becomes None. Nothing here is normalized for matching: that is the normalize package's job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class SdnEntry:
    """One row of SDN.CSV (remarks may later be extended by SDN_COMMENTS.CSV)."""

    ent_num: int
    sdn_name: str
    sdn_type: str  # individual | entity | vessel | aircraft  (OFAC's null type means entity)
    programs: tuple[str, ...]
    title: str | None
    call_sign: str | None
    vess_type: str | None
    tonnage: str | None
    grt: str | None
    vess_flag: str | None
    vess_owner: str | None
    remarks: str | None


@dataclass(frozen=True)
class AltName:
    """One row of ALT.CSV: an alias of an entry."""

    ent_num: int
    alt_num: int
    alt_type: str  # aka | fka | nka (lower-case)
    alt_name: str
    alt_remarks: str | None


@dataclass(frozen=True)
class Address:
    """One row of ADD.CSV."""

    ent_num: int
    add_num: int
    address: str | None
    city_state_postal: str | None
    country: str | None
    add_remarks: str | None


@dataclass(frozen=True)
class Fact:
    """One structured fact parsed from remarks, e.g. DOB, a passport, a Linked To target."""

    kind: str  # dob | pob | nationality | citizenship | gender | document | linked_to | other | ...
    value: str
    detail: str | None = None  # document type (passport, cedula, national_id, tax_id, imo, ...) or qualifier
    country: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    is_alt: bool = False


@dataclass(frozen=True)
class RemarkAlias:
    """An a.k.a./f.k.a./n.k.a. name written inside the remarks."""

    name: str
    kind: str  # aka | fka | nka
    quality: str | None = None  # strong | weak | None


@dataclass
class ParsedRemarks:
    """Everything the remarks of one entry say, split into facts, aliases and the verbatim rest."""

    facts: list[Fact] = field(default_factory=list)
    aliases: list[RemarkAlias] = field(default_factory=list)

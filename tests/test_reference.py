"""reference/: README table and folder agree; every lexicon loads, has no duplicates, is normalized."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from reconcile import reference
from reconcile.normalize import to_latin
from reconcile.resources import reference_dir

NORMALIZE_LEXICONS = ("honorifics.yml", "particles.yml", "legal_forms.yml", "given_name_equivalents.yml")


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses a mapping key written twice (PyYAML keeps the last one silently)."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise AssertionError(f"duplicate key {key!r} at line {key_node.start_mark.line + 1}")
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _readme_files() -> list[str]:
    text = (reference_dir() / "README.md").read_text(encoding="utf-8")
    return re.findall(r"^\|\s*`([^`]+)`\s*\|", text, flags=re.MULTILINE)


def _folder_files() -> list[str]:
    return sorted(p.name for p in reference_dir().iterdir() if p.is_file() and p.name != "README.md")


def _lists(value: Any) -> list[list[Any]]:
    """Every list nested anywhere in value."""
    if isinstance(value, list):
        return [value] + [inner for item in value for inner in _lists(item)]
    if isinstance(value, dict):
        return [inner for item in value.values() for inner in _lists(item)]
    return []


def test_readme_lists_every_file_once_and_nothing_else() -> None:
    listed = _readme_files()
    assert len(listed) == len(set(listed)), "a file is listed twice in reference/README.md"
    assert sorted(listed) == _folder_files()


@pytest.mark.parametrize("name", _folder_files())
def test_file_loads_without_duplicates(name: str) -> None:
    path: Path = reference_dir() / name
    text = path.read_text(encoding="utf-8")
    if name.endswith((".yml", ".yaml")):
        data = yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - SafeLoader subclass
    elif name.endswith(".json"):
        data = json.loads(text)
    elif name.endswith(".tsv"):
        data = [list(row.values()) for row in reference.load_tsv(name)]
        assert len({tuple(r) for r in data}) == len(data), f"{name}: duplicate rows"
        return
    elif name.endswith(".md"):
        assert text.strip(), f"{name}: an empty record"
        return
    else:
        pytest.fail(f"{name}: unknown lexicon format")
    for values in _lists(data):
        hashable = [json.dumps(v, sort_keys=True) for v in values]
        dupes = sorted({v for v in hashable if hashable.count(v) > 1})
        assert not dupes, f"{name}: duplicate list entries {dupes}"


def _entries(name: str) -> list[str]:
    data = yaml.safe_load((reference_dir() / name).read_text(encoding="utf-8"))
    out: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                out.append(str(key))
                walk(inner)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif value is not None:
            out.append(str(value))

    walk(data)
    return out


@pytest.mark.parametrize("name", NORMALIZE_LEXICONS)
def test_normalize_lexicon_entries_are_already_normalized(name: str) -> None:
    top_keys = set(yaml.safe_load((reference_dir() / name).read_text(encoding="utf-8")))
    bad = [e for e in _entries(name) if e not in top_keys and to_latin(e) != e]
    assert not bad, f"{name}: entries not in normalized form: {bad}"


@pytest.mark.parametrize("name", NORMALIZE_LEXICONS)
def test_normalize_lexicon_lists_are_sorted(name: str) -> None:
    data = yaml.safe_load((reference_dir() / name).read_text(encoding="utf-8"))
    sections = data.values() if name != "given_name_equivalents.yml" else [data]
    for section in sections:
        keys = list(section) if isinstance(section, dict) else section
        assert keys == sorted(keys), f"{name}: entries not sorted"


def test_accessors_invert_variant_mappings() -> None:
    assert reference.honorific_prefixes()[("maj", "gen")] == "maj gen"
    assert reference.honorific_prefixes()[("major", "general")] == "maj gen"
    assert reference.legal_forms()[("sociedad", "anonima", "de", "capital", "variable")] == "sa de cv"
    assert reference.given_name_equivalents()["aleksandr"] == "alexander"
    assert reference.given_name_equivalents()["alexander"] == "alexander"
    assert "bin" in reference.particles()["filiation"]
    assert "ooo" in reference.leading_legal_forms()
    assert "bank" in reference.org_cues()


def test_a_variant_under_two_canonicals_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "given_name_equivalents.yml").write_text("ann: [anna]\nanne: [anna]\n", encoding="utf-8")
    monkeypatch.setattr(reference, "reference_dir", lambda: tmp_path)
    reference.reset_caches()
    try:
        with pytest.raises(reference.InputError, match="two canonicals"):
            reference.given_name_equivalents()
    finally:
        monkeypatch.undo()
        reference.reset_caches()

"""`reconcile news add` and `reconcile mentions`: ingest articles and list who they mention."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from reconcile.cli.options import json_option, quiet_option
from reconcile.news import FileOutcome, add_articles, list_mentions
from reconcile.store import open_store


@click.group()
def news() -> None:
    """Ingest news articles and extract the people and organisations they mention."""


@news.command("add")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--extractor",
    default="spacy",
    show_default=True,
    help="spacy, spacy:<model package or path>, or rules (no model; fast).",
)
@json_option
@quiet_option
@click.pass_context
def add(ctx: click.Context, paths: tuple[str, ...], extractor: str, as_json: bool, quiet: bool) -> int:
    """Store articles (txt, md, html, jsonl; folders recursively; - for stdin) and their mentions.

    Each story is stored once: an identical or near-identical copy is linked to the first one. A bad file
    is reported and skipped; the others are kept, and the command exits 1 if any file was refused.

    \b
    Example:
      reconcile news add week-23/ --extractor spacy
      cat story.txt | reconcile news add -
    """

    def note(o: FileOutcome) -> None:
        if not quiet and not as_json:
            click.echo(_describe(o), err=True)

    with open_store(ctx.obj["db"]) as store:
        report = add_articles(store, paths, extractor=extractor, progress=note)
    if as_json:
        click.echo(json.dumps([o.__dict__ for o in report.outcomes], indent=2, default=str))
    elif not quiet:
        click.echo(
            f"{report.count('added')} added, {report.count('duplicate')} duplicate, "
            f"{report.count('refused')} refused, {report.count('skipped')} skipped ({report.extractor})",
            err=True,
        )
    return 1 if report.refused else 0


def _describe(o: FileOutcome) -> str:
    if o.status == "added":
        return f"added      {o.source}: {o.mention_count} mentions (article {o.article_id and o.article_id[:12]})"
    if o.status == "duplicate":
        copy_of = o.duplicate_of and o.duplicate_of[:12]
        return f"duplicate  {o.source}: copy of article {copy_of} (similarity {o.similarity})"
    return f"{o.status:<10} {o.source}: {o.reason}"


@click.command("mentions")
@click.option("--article", "article_id", default=None, help="Only the mentions of this article id.")
@json_option
@click.pass_context
def mentions(ctx: click.Context, article_id: str | None, as_json: bool) -> None:
    """List the stored mentions: name, kind, role, countries, sanction cue, identifiers.

    \b
    Example:
      reconcile mentions
      reconcile mentions --article 3f2a... --json
    """
    db = Path(ctx.obj["db"])
    with open_store(db) as store:
        rows = list_mentions(store, article_id)
    if as_json:
        click.echo(json.dumps(rows, indent=2, default=str, ensure_ascii=False))
        return
    _table(rows)


def _table(rows: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table("article", "kind", "name", "as printed", "role", "countries", "sanctions", "ids")
    for r in rows:
        cue = ("delisting: " if r["delisting"] else "") + (r["sanction_cue"] or "") if r["sanction"] else ""
        ids = ", ".join(f"{i['kind']} {i['value']}" for i in r["identifiers"])
        table.add_row(
            r["article_source"],
            r["kind"],
            r["canonical_name"] or "(role only)",
            r["surface"],
            r["role"] or "",
            " ".join(r["countries"]),
            cue,
            ids,
        )
    Console(file=sys.stdout, width=200).print(table)


def register(group: click.Group) -> None:
    """Attach `news` (with `add`) and the top-level `mentions` command to the root group."""
    group.add_command(news)
    group.add_command(mentions)

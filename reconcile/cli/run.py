"""`reconcile run`, `reconcile report ...` and `reconcile review ...`: the weekly job and what follows it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click

from reconcile import config
from reconcile.cli.options import (
    as_of_option,
    check_engine,
    engine_options,
    json_option,
    quiet_option,
    threshold_option,
)
from reconcile.cli.render import emit_json, emit_table, note, stage_printer
from reconcile.reporting.html import render_html
from reconcile.reporting.parquet import write_parquet
from reconcile.reporting.tables import TableView, diff_view, matches_view, unmatched_view
from reconcile.review import decisions_in_force as list_decisions
from reconcile.review import export_audit, record_decision
from reconcile.runs import load_report, resolve_run, run_weekly
from reconcile.store import open_store


def _show(view: TableView, as_json: bool) -> None:
    if as_json:
        emit_json(view.records)
    else:
        emit_table(view.title, view.columns, view.rows)


@click.command("run")
@click.option("--snapshot", "snapshot", metavar="SOURCE",
              help="List to add first: folder, SDN.CSV, .zip or URL. 'official' fetches OFAC's download. "
                   "Default: screen against the latest stored snapshot.")
@click.option("--news", "news", multiple=True, metavar="PATH",
              help="Article file or folder to add first (repeatable).")
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where the reports go [default: reports/<run-id>/].")
@threshold_option(None)
@as_of_option("Date of the snapshot given with --snapshot when its source has none.")
@click.option("--force", is_flag=True, help="Accept a snapshot that shrank by more than 10 %.")
@click.option("--extractor", metavar="SPEC", help="News extraction backend: spacy (default), spacy:<model>, rules.")
@engine_options
@json_option
@quiet_option
@click.pass_obj
def run(obj: dict[str, Any], snapshot: str | None, news: tuple[str, ...], out_dir: Path | None, threshold: float,
        as_of: date | None, force: bool, extractor: str | None, engine: str, spark_master: str | None,
        as_json: bool, quiet: bool) -> None:
    """Run the weekly reconciliation and write its reports.

    Adds the snapshot and the news if given, screens every new mention against the latest list, re-screens
    earlier mentions against entries added or amended since the previous run, applies review decisions, and
    writes matches, unmatched, mentions and diff as Parquet plus report.html. One transaction: a failure or
    Ctrl-C changes nothing. Re-running on the same inputs reports the same run again.

    \b
    Example:
      reconcile run --snapshot official --news seeds/
      reconcile run --snapshot ../shared/ofac/snapshots/2024-05-03 --news seeds/
      reconcile run                          # re-screen stored news against the latest stored list
    """
    from reconcile.spark.engine import scorer_factory_for

    check_engine(engine, spark_master)
    source = config.download_url() if snapshot == "official" else snapshot
    with open_store(obj["db"]) as store, scorer_factory_for(engine, spark_master) as factory:
        outcome = run_weekly(store, snapshot=source, news=news, threshold=threshold, as_of=as_of, force=force,
                             extractor=extractor,
                             stage=stage_printer(quiet), scorer_factory=factory)
        report = load_report(store, outcome.run_id)
    target = out_dir or Path("reports") / f"run-{outcome.run_id:04d}"
    files = write_parquet(report, target)
    html = render_html(report, target / "report.html")
    summary = report.summary
    if as_json:
        emit_json({"status": outcome.status, "run_id": outcome.run_id, "snapshot_as_of": summary.snapshot_as_of,
                   "counts": summary.counts, "report": str(html), "files": {k: str(v) for k, v in files.items()}})
        return
    if outcome.news is not None:
        for bad in outcome.news.refused:
            note(f"refused {bad.source}: {bad.reason}")
    head = "Nothing new since run" if outcome.status == "unchanged" else "Run"
    # An unchanged outcome re-reports that run's own figures.
    c = summary.counts
    click.echo(f"{head} {outcome.run_id} against the list of {summary.snapshot_as_of}: "
               f"{c['articles_added']} new article(s), {c['mentions_screened']} mention(s), "
               f"{c['name_keys_screened']} name(s) screened, {c['entries_rescreened']} changed entries re-screened, "
               f"{c['alerts']} alert(s), {c['unmatched']} unmatched mention(s).")
    _show(matches_view(report), False)
    _show(unmatched_view(report), False)
    click.echo(f"HTML report: {html}")


@click.group()
def report() -> None:
    """Print a run's matches, unmatched mentions or list changes.

    \b
    Example:
      reconcile report unmatched
      reconcile report matches --run 2 --json
    """


def _report_command(name: str, view: Any, doc: str) -> click.Command:
    @click.option("--run", "run_id", type=int, help="Run id [default: the latest run].")
    @json_option
    @click.pass_obj
    def command(obj: dict[str, Any], run_id: int | None, as_json: bool) -> None:
        with open_store(obj["db"]) as store:
            rep = load_report(store, resolve_run(store, run_id))
        _show(view(rep), as_json)

    command.__doc__ = doc
    return report.command(name)(command)


_report_command("matches", matches_view, """Matches of a run: alerts first, then candidates kept for review.

    \b
    Example:
      reconcile report matches --run 3
    """)
_report_command("unmatched", unmatched_view, """Mentions that match nothing on the list; sanctions-context first.

    These are the names "announced in the news but not on the list" (or not sanctioned at all).

    \b
    Example:
      reconcile report unmatched --json
    """)
_report_command("diff", diff_view, """List changes between the previous run's snapshot and this run's.

    \b
    Example:
      reconcile report diff --run 2
    """)


@click.group()
def review() -> None:
    """Remember what analysts decided about matches, so next week's run knows.

    \b
    Example:
      reconcile review dismiss 3f2a9c01b7de --note "different person: DOB differs" --by alice
      reconcile review list
    """


def _decide(decision: str, doc: str) -> click.Command:
    @click.argument("match_id")
    @click.option("--note", help="Why: shown in the audit and in later reports.")
    @click.option("--by", "by", help="Reviewer name [default: $RECONCILE_REVIEWER or your login].")
    @json_option
    @click.pass_obj
    def command(obj: dict[str, Any], match_id: str, note: str | None, by: str | None, as_json: bool) -> None:
        with open_store(obj["db"]) as store:
            made = record_decision(store, match_id, decision, by=by or config.reviewer(), note=note)
        if as_json:
            emit_json(made.__dict__)
            return
        click.echo(f"Recorded: {made.decided_by} {decision}ed match {made.match_id} "
                   f"({made.name_key} ↔ ent {made.ent_num}).")

    command.__doc__ = doc
    return review.command(decision)(command)


_decide("confirm", """Confirm a match: the mention is the listed party.

    \b
    Example:
      reconcile review confirm 3f2a9c01b7de --note "DOB and cedula agree"
    """)
_decide("dismiss", """Dismiss a match as a false positive; it stays quiet until the entry is amended.

    \b
    Example:
      reconcile review dismiss 3f2a9c01b7de --note "namesake, different country" --by alice
    """)


@review.command("list")
@json_option
@click.pass_obj
def review_list(obj: dict[str, Any], as_json: bool) -> None:
    """List the decisions in force (the latest per name and entry), newest first.

    \b
    Example:
      reconcile review list --json
    """
    with open_store(obj["db"]) as store:
        decisions = list_decisions(store)
    if as_json:
        emit_json([d.__dict__ for d in decisions])
        return
    emit_table(
        f"{len(decisions)} decision(s) in force",
        ("match id", "name", "ent_num", "decision", "by", "at", "note"),
        [(d.match_id, d.name_key, d.ent_num, d.decision, d.decided_by, f"{d.decided_at:%Y-%m-%d %H:%M}", d.note)
         for d in decisions],
    )


@review.command("export")
@click.option("--parquet", "path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="File to write the whole audit to.")
@click.pass_obj
def review_export(obj: dict[str, Any], path: Path) -> None:
    """Export every review decision ever made (the append-only audit) as Parquet.

    \b
    Example:
      reconcile review export --parquet audit.parquet
    """
    with open_store(obj["db"]) as store:
        n = export_audit(store, path)
    click.echo(f"Wrote {n} decision(s) to {path}.")


def register(group: click.Group) -> None:
    """Attach run, report and review to the root group."""
    group.add_command(run)
    group.add_command(report)
    group.add_command(review)

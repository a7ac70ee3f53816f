"""`reconcile screen | explain | compare | train`: name screening with the trained Splink model."""

from __future__ import annotations

import csv
import io
import sys
from datetime import date
from pathlib import Path
from typing import Any

import click

from reconcile.cli.options import (
    as_of_option,
    check_engine,
    engine_options,
    json_option,
    quiet_option,
    threshold_option,
)
from reconcile.cli.render import emit_json, emit_table
from reconcile.errors import InputError
from reconcile.store import open_store


def _read_csv(path: str, required: tuple[str, ...]) -> list[dict[str, str]]:
    text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8-sig")
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(f"missing column(s) {', '.join(missing)}", path=path, line=1)
    rows = list(reader)
    for i, r in enumerate(rows, start=2):
        if not (r.get(required[-1]) or "").strip():
            raise InputError(f"empty {required[-1]}", path=path, line=i)
    return rows


def _write_rows(rows: list[dict[str, Any]], columns: tuple[str, ...], out: Path | None, as_json: bool) -> None:
    if out is not None:
        if out.suffix.lower() == ".parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            pq.write_table(pa.Table.from_pylist(rows) if rows else pa.table({c: [] for c in columns}), out)
        else:
            with out.open("w", newline="", encoding="utf-8") as fh:
                w = csv.DictWriter(fh, fieldnames=list(columns))
                w.writeheader()
                for r in rows:
                    w.writerow({k: ("|".join(v) if isinstance(v, list) else v) for k, v in r.items()})
        return
    if as_json:
        emit_json(rows)
        return
    emit_table(None, columns, [[r[c] for c in columns] for r in rows])


@click.command()
@click.argument("names", type=str)
@as_of_option("Screen against the snapshot in force on this date [default: the latest].")
@threshold_option()
@click.option(
    "--top", type=click.IntRange(1), default=None, help="Also list the K best candidates below the threshold."
)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write .parquet or .csv.")
@engine_options
@json_option
@quiet_option
@click.pass_context
def screen(
    ctx: click.Context,
    names: str,
    as_of: date | None,
    threshold: float | None,
    top: int | None,
    out: Path | None,
    engine: str,
    spark_master: str | None,
    as_json: bool,
    quiet: bool,
) -> None:
    """Screen a CSV of names against the stored SDN snapshot in force on a date.

    NAMES is a CSV (or - for stdin) with query_id, query_name, optional entity_kind (person or
    organization) and country. One row per (query, candidate entry); is_alert marks probabilities at or
    above the threshold.

    \b
    Example:
      reconcile screen names.csv --top 3 --out hits.parquet
      printf 'query_id,query_name\\n1,Nicolas Maduro\\n' | reconcile screen - --json
      reconcile screen names.csv --engine spark --spark-master spark://head:7077
    """
    from reconcile.screening import OUTPUT_COLUMNS, iter_queries, screen_names
    from reconcile.spark.engine import scorer_factory_for

    check_engine(engine, spark_master)

    queries = iter_queries(_read_csv(names, ("query_id", "query_name")))
    with open_store(ctx.obj["db"]) as store, scorer_factory_for(engine, spark_master) as factory:
        res = screen_names(store, queries, as_of=as_of, threshold=threshold, top=top, scorer_factory=factory)
    if not quiet:
        n_alert = sum(r["is_alert"] for r in res.rows)
        click.echo(
            f"{len(queries)} names ({res.distinct_names} distinct) vs snapshot {res.snapshot.as_of}: "
            f"{n_alert} alerts at p >= {res.threshold}",
            err=True,
        )
    _write_rows(res.rows, OUTPUT_COLUMNS, out, as_json)


@click.command()
@click.argument("query_name")
@click.argument("ent_num", type=int)
@as_of_option("Screen against the snapshot in force on this date [default: the latest].")
@click.option("--kind", type=click.Choice(["person", "organization"]), default=None)
@click.option("--country", default=None, help="Country the mention is tied to.")
@json_option
@click.pass_context
def explain(
    ctx: click.Context,
    query_name: str,
    ent_num: int,
    as_of: date | None,
    kind: str | None,
    country: str | None,
    as_json: bool,
) -> None:
    """Print the full waterfall of one name against one SDN entry: prior, each comparison, final.

    \b
    Example:
      reconcile explain "Nicolas Maduro" 22790
    """
    from reconcile.screening import explain_pair

    with open_store(ctx.obj["db"]) as store:
        p = explain_pair(store, query_name, ent_num, as_of, entity_kind=kind, country=country)
    if as_json:
        emit_json({**p.__dict__, "steps": [s.__dict__ for s in p.steps]})
        return
    click.echo(f"{query_name}  vs  entry {ent_num}: {p.matched_name}")
    for s in p.steps:
        vals = f"  [{s.value_query} | {s.value_list}]" if s.value_query or s.value_list else ""
        click.echo(f"  {s.weight:+7.2f}  {s.component:<20} {s.finding}{vals}")
    click.echo(f"match_probability {p.match_probability:.4f}  is_alert {p.is_alert}  ofac_score {p.ofac_score}")


@click.command()
@click.argument("name_a", required=False)
@click.argument("name_b", required=False)
@click.option("--kind", type=click.Choice(["person", "organization"]), default=None)
@click.option(
    "--pairs", type=click.Path(exists=True, dir_okay=False), default=None, help="CSV: name_a, name_b[, kind]."
)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write .parquet or .csv.")
@threshold_option()
@json_option
@click.pass_context
def compare(
    ctx: click.Context,
    name_a: str | None,
    name_b: str | None,
    kind: str | None,
    pairs: str | None,
    out: Path | None,
    threshold: float | None,
    as_json: bool,
) -> None:
    """Score two free names with the screening model: is this the same party?

    \b
    Example:
      reconcile compare "Nicolas Maduro" "MADURO MOROS, Nicolas" --kind person
      reconcile compare --pairs pairs.csv --out scores.csv
    """
    from reconcile.screening import compare_names

    if pairs:
        todo = [(r["name_a"], r["name_b"], r.get("kind") or kind) for r in _read_csv(pairs, ("name_a", "name_b"))]
    elif name_a and name_b:
        todo = [(name_a, name_b, kind)]
    else:
        raise click.UsageError("give NAME_A NAME_B, or --pairs FILE.csv")
    db = Path(ctx.obj["db"])
    if db.exists():
        with open_store(db) as store:
            scores = compare_names(todo, store, threshold=threshold)
    else:
        scores = compare_names(todo, None, threshold=threshold)
    cols = ("name_a", "name_b", "match_probability", "match_weight", "is_alert", "ofac_score", "explanation")
    rows = [{c: getattr(s, c) for c in cols} for s in scores]
    _write_rows(rows, cols, out, as_json)


@click.command()
@click.option("--snapshot", "snapshot_ref", default="2021-07-07", show_default=True, help="Training snapshot.")
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path), default=None, help="[default: reference/]")
@click.option("--seed", type=int, default=1, show_default=True)
@click.option(
    "--calibrate-names",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="Labelled names CSV (query_id, query_name, expected_ent_num, entity_kind) to fit the prior on.",
)
@click.option(
    "--calibrate-on", "calibrate_on", default=None, help="Stored snapshot the labelled names are screened on."
)
@quiet_option
@click.pass_context
def train(
    ctx: click.Context,
    snapshot_ref: str,
    out_dir: Path | None,
    seed: int,
    calibrate_names: Path | None,
    calibrate_on: str | None,
    quiet: bool,
) -> None:
    """Train the model on a stored snapshot's own aliases; writes reference/sdn_model.json and its record.

    \b
    Example:
      reconcile snapshot add ../shared/ofac/snapshots/2021-07-07
      reconcile snapshot add ../shared/ofac/snapshots/2024-05-03
      reconcile train --snapshot 2021-07-07 \\
        --calibrate-names ../shared/eval/dev_names.csv --calibrate-on 2024-05-03
    """
    from reconcile.linkage.train import train_model
    from reconcile.screening import calibrator

    if (calibrate_names is None) != (calibrate_on is None):
        raise click.UsageError("--calibrate-names and --calibrate-on go together")
    say = None if quiet else (lambda m: click.echo(m, err=True))
    command = "reconcile train --snapshot " + snapshot_ref + (f" --seed {seed}" if seed != 1 else "")
    if calibrate_names is not None:
        command += f" --calibrate-names {calibrate_names} --calibrate-on {calibrate_on}"
    with open_store(ctx.obj["db"]) as store:
        cal = calibrator(store, calibrate_names, calibrate_on) if calibrate_names and calibrate_on else None
        res = train_model(store, snapshot_ref, out_dir=out_dir, seed=seed, command=command, progress=say, calibrate=cal)
    click.echo(f"wrote {res.model_path} and {res.record_path} ({res.label_pairs} labelled pairs)")


def register(group: click.Group) -> None:
    """Attach screen, explain, compare and train to the root group."""
    for cmd in (screen, explain, compare, train):
        group.add_command(cmd)

"""`reconcile snapshot add|list|diff`: the dated store of official SDN lists."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from reconcile import config
from reconcile.cli.options import as_of_option, json_option, quiet_option
from reconcile.cli.render import download_progress, emit_json, emit_table, note
from reconcile.reporting.tables import DIFF_COLUMNS, diff_rows
from reconcile.snapshots import catalog
from reconcile.snapshots.diff import diff_snapshots
from reconcile.snapshots.ingest import add_snapshot
from reconcile.store import open_store


@click.group()
def snapshot() -> None:
    """Store dated OFAC SDN snapshots and see what changed between them.

    \b
    Example:
      reconcile snapshot add ../shared/ofac/snapshots/2024-05-03
      reconcile snapshot add --as-of 2024-05-10 https://example.org/ofac/
      reconcile snapshot list
      reconcile snapshot diff 2024-04-26 2024-05-03
    """


@snapshot.command("add")
@click.argument("source", required=False)
@as_of_option("The list's publication date [default: the folder name if it is a date, else today].")
@click.option("--force", is_flag=True,
              help="Accept a list that shrank by more than 10 %. Never makes an empty or truncated file acceptable.")
@json_option
@quiet_option
@click.pass_obj
def add(obj: dict[str, Any], source: str | None, as_of: date | None, force: bool, as_json: bool, quiet: bool) -> None:
    """Add an SDN snapshot: a folder, one SDN.CSV, a .zip of the set, or a URL.

    Without SOURCE the official OFAC download is fetched ($RECONCILE_OFAC_URL overrides it). A folder may
    hold SDN.CSV with ALT.CSV, ADD.CSV and SDN_COMMENTS.CSV (names in any case). Empty, truncated or
    non-OFAC files are refused, and so is a list that lost more than 10 % of its entries unless --force.
    Adding content already stored changes nothing and names the stored twin.

    \b
    Example:
      reconcile snapshot add ../shared/ofac/snapshots/2021-07-07
      reconcile snapshot add --as-of 2024-05-03 SDN.CSV
      reconcile snapshot add            # today's official list
    """
    with open_store(obj["db"]) as store, download_progress(quiet) as progress:
        result = add_snapshot(store, source or config.download_url(), as_of=as_of, force=force, progress=progress)
    if as_json:
        emit_json({k: getattr(result, k) for k in
                   ("status", "snapshot_id", "as_of", "source", "entry_count", "name_count")})
        return
    if result.status == "unchanged":
        click.echo(f"Unchanged: this content is already stored as snapshot {result.snapshot_id[:12]} "
                   f"(as of {result.as_of}, {result.entry_count:,} entries, from {result.source}).")
        return
    prev = result.previous
    delta = f" ({result.entry_count - prev.entry_count:+,} against {prev.as_of})" if prev else ""
    click.echo(f"Added snapshot {result.snapshot_id[:12]} as of {result.as_of}: "
               f"{result.entry_count:,} entries{delta}, {result.name_count:,} names.")
    note("See what changed: reconcile snapshot diff", quiet=quiet)


@snapshot.command("list")
@json_option
@click.pass_obj
def list_(obj: dict[str, Any], as_json: bool) -> None:
    """List stored snapshots, oldest first, with entry counts and file hashes.

    \b
    Example:
      reconcile snapshot list --json
    """
    with open_store(obj["db"]) as store:
        snaps = catalog.list_snapshots(store)
    if as_json:
        emit_json([s.__dict__ for s in snaps])
        return
    emit_table(
        f"{len(snaps)} snapshot(s)",
        ["as of", "id", "entries", "names", "files", "source", "added at (UTC)"],
        [(s.as_of, s.snapshot_id[:12], f"{s.entry_count:,}", f"{s.name_count:,}",
          ", ".join(f["file_name"] for f in s.files), s.source, _minute(s.ingested_at)) for s in snaps],
    )


def _minute(at: datetime) -> str:
    return at.strftime("%Y-%m-%d %H:%M")


@snapshot.command("diff")
@click.argument("from_ref", metavar="[FROM]", required=False)
@click.argument("to_ref", metavar="[TO]", required=False)
@click.option("--parquet", "parquet_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write every change as Parquet (ent_num, change, field, old_value, new_value, sdn_name).")
@json_option
@click.pass_obj
def diff(obj: dict[str, Any], from_ref: str | None, to_ref: str | None, parquet_path: Path | None,
         as_json: bool) -> None:
    """Show entries added, removed and amended (field by field) between two snapshots.

    FROM and TO are as-of dates (the snapshot in force that day) or snapshot id prefixes; by default the
    two latest snapshots. With only FROM, TO is the latest.

    \b
    Example:
      reconcile snapshot diff 2022-02-17 2022-02-26
      reconcile snapshot diff --parquet changes.parquet
    """
    with open_store(obj["db"]) as store:
        if from_ref is None:
            old, new = catalog.latest_two(store)
        else:
            old = catalog.resolve_snapshot(store, from_ref)
            new = catalog.resolve_snapshot(store, to_ref) if to_ref else catalog.latest_two(store)[1]
        result = diff_snapshots(store, old, new)
    if parquet_path is not None:
        result.write_parquet(parquet_path)
    rows = result.changes.to_pylist()
    if as_json:
        emit_json({"from": old.__dict__, "to": new.__dict__, "counts": result.counts(), "changes": rows})
        return
    counts = result.counts()
    emit_table(
        f"{old.as_of} → {new.as_of}: {counts['added']} added, {counts['removed']} removed, "
        f"{counts['amended']} amended",
        DIFF_COLUMNS,
        diff_rows(rows),
    )


def register(group: click.Group) -> None:
    """Attach the snapshot commands to the root group."""
    group.add_command(snapshot)

"""Benchmark `screen_names` against 2024-05-03 beside a plain RapidFuzz baseline, in one run.

Prints, for our model and for the baseline:
- dev set (../shared/eval/dev_names.csv): the per-category table of ../shared/eval/score.py at the
  default threshold, and our blocking recall (share of positive queries whose expected entry is among
  the blocked candidates at all);
- a generated 100,000-name file (SDN names of the snapshot perturbed with typos, order changes, dropped
  parts and Cyrillic transliteration, plus non-listed names made by crossing given names and surnames
  of different entries): names/s, peak RSS, recall on the perturbed names, alert rate on the others.

Usage: python bench/screen.py [--n 100000] [--seed 7] [--store PATH] [--baseline-sample 10000] [--model JSON]
       [--thresholds 0.2,0.5]   (--n 0: dev set only)
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from reconcile.config import shared_dir
from reconcile.linkage.model import load_model
from reconcile.linkage.prepare import QueryName, load_keys, project_queries, query_uid
from reconcile.screening import (
    open_scorer,
    read_labelled_names,
    reliability_table,
    resolve,
    scored_candidates,
    screen_names,
)
from reconcile.snapshots.ingest import add_snapshot
from reconcile.store import open_store

SNAPSHOT = "2024-05-03"
_CYR = {
    "shch": "щ",
    "sch": "щ",
    "zh": "ж",
    "kh": "х",
    "ts": "ц",
    "ch": "ч",
    "sh": "ш",
    "yu": "ю",
    "ya": "я",
    "yo": "ё",
    "a": "а",
    "b": "б",
    "v": "в",
    "g": "г",
    "d": "д",
    "e": "е",
    "z": "з",
    "i": "и",
    "y": "ы",
    "k": "к",
    "l": "л",
    "m": "м",
    "n": "н",
    "o": "о",
    "p": "п",
    "r": "р",
    "s": "с",
    "t": "т",
    "u": "у",
    "f": "ф",
    "h": "х",
    "c": "к",
    "j": "дж",
    "q": "к",
    "w": "в",
    "x": "кс",
}


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class TotalRss:
    """Peak RSS of this process and its children together (screening's workers), sampled every 0.1 s.

    getrusage cannot tell it: a child's ru_maxrss counts the parent's pages it shares between fork and exec.
    """

    def __init__(self) -> None:
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    @staticmethod
    def _rss_kb(pid: str) -> int:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        except OSError:
            pass
        return 0

    def _run(self) -> None:
        me = str(os.getpid())
        while not self._stop.wait(0.1):
            kids = []
            for task in Path(f"/proc/{me}/task").iterdir():
                try:
                    kids += (task / "children").read_text().split()
                except OSError:
                    pass
            total = self._rss_kb(me) + sum(self._rss_kb(k) for k in kids)
            self.peak_mb = max(self.peak_mb, total / 1024)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak_mb


def to_cyrillic(text: str) -> str:
    out, i, low = [], 0, text.lower()
    while i < len(low):
        for n in (4, 3, 2, 1):
            if low[i : i + n] in _CYR:
                out.append(_CYR[low[i : i + n]])
                i += n
                break
        else:
            out.append(low[i])
            i += 1
    return "".join(out).title()


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    op = rng.choice("dsti")
    if op == "d":
        return word[:i] + word[i + 1 :]
    if op == "s":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if op == "t":
        return word[:i] + rng.choice("aeiou") + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def news_order(name: str, sdn_type: str) -> list[str]:
    if sdn_type == "individual" and "," in name:
        sur, giv = name.split(",", 1)
        return giv.split() + sur.split()
    return name.split()


def make_names(store, snap_id: str, n: int, seed: int) -> list[tuple[str, str, str, int | None]]:
    """(query_id, name, kind, expected ent_num or None): 60 % perturbed list names, 40 % non-listed."""
    rng = random.Random(seed)
    rows = store.query(
        "SELECT n.ent_num, n.name_raw, e.sdn_type, n.surname_raw, n.given_raw FROM sdn_names n "
        "JOIN sdn_entries e USING (snapshot_id, ent_num) WHERE n.snapshot_id = $s ORDER BY n.name_id",
        {"s": snap_id},
    )
    persons = [r for r in rows if r[2] == "individual" and r[3] and r[4]]
    out = []
    for i in range(n):
        qid = f"g{i:06d}"
        if rng.random() < 0.6:
            ent, name, typ, _s, _g = rng.choice(rows)
            words = news_order(name, typ)
            r = rng.random()
            if r < 0.35:
                words = [typo(w, rng) if rng.random() < 0.5 else w for w in words]
            elif r < 0.55 and len(words) > 2:
                words = [words[0], words[-1]] if typ == "individual" else words[:-1]
            elif r < 0.7:
                rng.shuffle(words)
            text = " ".join(words)
            if typ == "individual" and rng.random() < 0.15:
                text = to_cyrillic(text)
            kind = "person" if typ == "individual" else "organization"
            out.append((qid, text, kind, ent))
        else:
            a, b = rng.choice(persons), rng.choice(persons)
            out.append((qid, f"{a[4].split()[0]} {b[3].split()[0].title()}", "person", None))
    return out


def score_table(names_csv: Path, results: Path, threshold: float) -> str:
    script = shared_dir() / "eval" / "score.py"
    done = subprocess.run(
        [sys.executable, str(script), str(names_csv), str(results), str(threshold)],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def rapidfuzz_alerts(queries: list[str], choices: list[str], owners: list[int], cutoff: int) -> list[set[int]]:
    """Plain baseline: alert on every entry with a name at token_sort_ratio >= cutoff."""
    import numpy as np
    from rapidfuzz import fuzz, process, utils

    out: list[set[int]] = []
    owners_arr = np.asarray(owners)
    for start in range(0, len(queries), 2000):
        m = process.cdist(
            queries[start : start + 2000],
            choices,
            scorer=fuzz.token_sort_ratio,
            processor=utils.default_process,
            score_cutoff=cutoff,
            workers=2,
            dtype=np.uint8,
        )
        for row in m:
            out.append(set(owners_arr[np.nonzero(row)[0]].tolist()))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--store", type=Path, default=None)
    ap.add_argument("--baseline-sample", type=int, default=10_000)
    ap.add_argument("--model", type=Path, default=None, help="model JSON (default reference/sdn_model.json)")
    ap.add_argument("--thresholds", default="", help="extra comma-separated thresholds for the dev table")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench_screen_"))
    store = open_store(args.store or tmp / "bench.duckdb")
    t0 = time.perf_counter()
    add_snapshot(store, str(shared_dir() / "ofac" / "snapshots" / SNAPSHOT))
    snap = resolve(store, None)
    model = load_model(args.model)
    open_scorer(store, snap, model).close()  # prepares the snapshot (part of `snapshot add` in production)
    print(f"store + prepare {SNAPSHOT}: {time.perf_counter() - t0:.1f}s")
    thr = model.threshold

    # ---- dev set --------------------------------------------------------------------------
    dev_csv = shared_dir() / "eval" / "dev_names.csv"
    dev = list(csv.DictReader(dev_csv.open(encoding="utf-8")))
    queries = [QueryName(r["query_id"], r["query_name"], r["entity_kind"] or None) for r in dev]
    t0 = time.perf_counter()
    extras = [float(x) for x in args.thresholds.split(",") if x]
    res = screen_names(store, queries, threshold=min([thr, *extras]), top=None, model=model)
    dt = time.perf_counter() - t0
    out = tmp / "dev_results.parquet"
    pq.write_table(
        pa.table(
            {
                "query_id": [r["query_id"] for r in res.rows],
                "ent_num": [str(r["ent_num"]) for r in res.rows],
                "score": [r["match_probability"] for r in res.rows],
            }
        ),
        out,
    )
    print(f"\n== ours: dev_names ({len(dev)} names, {dt:.1f}s, threshold {thr}) ==")
    print(score_table(dev_csv, out, thr))
    for extra in extras:
        print(score_table(dev_csv, out, extra))
    # calibration: every candidate above the review floor, predicted p against right/wrong
    labelled = read_labelled_names(dev_csv)
    cands = scored_candidates(store, labelled, snap, model)
    print("reliability on dev_names (all candidates; p bin | candidates | mean p | observed right):")
    for b, n, mp, obs in reliability_table([(p, y) for _w, p, y in cands]):
        print(f"  {b:<12} {n:>6} {mp:.3f} {obs:.3f}")
    # blocking recall: expected entry among the blocked candidates at any weight
    scorer = open_scorer(store, snap, model)
    recs = project_queries(queries, load_keys(store, snap.snapshot_id))
    preds = scorer.predict(recs, -1e9)
    cand: dict[str, set[int]] = {}
    for uid, ent in zip(preds.column("unique_id_l").to_pylist(), preds.column("ent_num_r").to_pylist(), strict=True):
        cand.setdefault(uid, set()).add(ent)
    per_cat: dict[str, list[int]] = {}
    for r, q in zip(dev, queries, strict=True):
        if r["expected_ent_num"]:
            found = int(r["expected_ent_num"]) in cand.get(query_uid(q), set())
            per_cat.setdefault(r["category"], []).append(int(found))
    print(f"blocked pairs: {preds.num_rows} ({preds.num_rows / max(recs.num_rows, 1):.1f} per distinct name)")
    print("blocking recall: " + ", ".join(f"{c} {sum(v) / len(v):.3f}" for c, v in sorted(per_cat.items())))
    scorer.close()

    # ---- baseline on dev --------------------------------------------------------------------
    names = store.query(
        "SELECT ent_num, name_raw FROM sdn_names WHERE snapshot_id = $s ORDER BY name_id", {"s": snap.snapshot_id}
    )
    choices, owners = [n for _, n in names], [e for e, _ in names]
    t0 = time.perf_counter()
    alerts = rapidfuzz_alerts([q.query_name for q in queries], choices, owners, 70)
    dt_b = time.perf_counter() - t0
    out_b = tmp / "dev_baseline.parquet"
    qids, ents = [], []
    for q, al in zip(queries, alerts, strict=True):
        for e in al:
            qids.append(q.query_id)
            ents.append(str(e))
    pq.write_table(pa.table({"query_id": qids, "ent_num": ents, "score": [1.0] * len(qids)}), out_b)
    print(f"\n== baseline RapidFuzz token_sort_ratio>=70: dev_names ({dt_b:.1f}s) ==")
    print(score_table(dev_csv, out_b, 0.5))

    # ---- 100k generated names ---------------------------------------------------------------
    if args.n <= 0:
        return
    gen = make_names(store, snap.snapshot_id, args.n, args.seed)
    gq = [QueryName(q, n, k) for q, n, k, _ in gen]
    rss0 = rss_mb()
    sampler = TotalRss()
    marks: list[float] = []  # screen_names reports progress after projecting and after predicting
    t0 = time.perf_counter()
    res = screen_names(store, gq, model=model, progress=lambda done, total: marks.append(time.perf_counter()))
    dt = time.perf_counter() - t0
    total_rss = sampler.stop()
    hits: dict[str, set[int]] = {}
    for r in res.rows:
        if r["is_alert"]:
            hits.setdefault(r["query_id"], set()).add(r["ent_num"])
    pos = [(q, e) for q, _, _, e in gen if e is not None]
    neg = [q for q, _, _, e in gen if e is None]
    rec = sum(e in hits.get(q, set()) for q, e in pos) / len(pos)
    far = sum(q in hits for q in neg) / len(neg)
    print(f"\n== ours: {len(gen)} generated names ==")
    print(
        f"{dt:.1f}s, {len(gen) / dt:,.0f} names/s, {res.distinct_names} distinct, peak RSS {rss_mb():.0f} MB "
        f"(before screen {rss0:.0f} MB; with its worker processes {total_rss:.0f} MB); "
        f"recall on perturbed list names {rec:.3f}; "
        f"alert rate on non-listed {far:.3f}; alerts/query {sum(len(v) for v in hits.values()) / len(gen):.2f}"
    )
    if len(marks) == 2:
        print(
            f"time: scorer + projection {marks[0] - t0:.1f}s, predict {marks[1] - marks[0]:.1f}s, "
            f"best per entry + rows + explanations + OFAC scores {t0 + dt - marks[1]:.1f}s"
        )
    sample = gen[: args.baseline_sample]
    if not sample:  # --baseline-sample 0: ours only
        print(f"\npeak RSS of the whole run: {rss_mb():.0f} MB")
        return
    t0 = time.perf_counter()
    alerts = rapidfuzz_alerts([n for _, n, _, _ in sample], choices, owners, 70)
    dt_b = time.perf_counter() - t0
    bpos = [(a, e) for a, (_, _, _, e) in zip(alerts, sample, strict=True) if e is not None]
    bneg = [a for a, (_, _, _, e) in zip(alerts, sample, strict=True) if e is None]
    print(
        f"== baseline RapidFuzz on the first {len(sample)} generated names ==\n"
        f"{dt_b:.1f}s, {len(sample) / dt_b:,.0f} names/s; recall {sum(e in a for a, e in bpos) / len(bpos):.3f}; "
        f"alert rate on non-listed {sum(bool(a) for a in bneg) / len(bneg):.3f}; "
        f"alerts/query {sum(len(a) for a in alerts) / len(sample):.2f}"
    )
    print(f"\npeak RSS of the whole run: {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()

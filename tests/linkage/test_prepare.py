import pytest

from reconcile.linkage.prepare import (
    GENERIC_WORD_BITS,
    MAX_FALLBACK_KEY_NAMES,
    MAX_KEY_NAMES,
    MAX_SINGLE_KEY_NAMES,
    QueryName,
    SnapshotKeys,
    ensure_prepared,
    load_keys,
    prepare_snapshot,
    project_queries,
)
from reconcile.normalize.phonetic import phonetic_key


@pytest.fixture
def snap_store(linkage_store):
    return linkage_store


def test_same_name_in_many_rows_is_one_record():
    keys = SnapshotKeys({"t:nicolas": 3, "t:maduro": 2, "tt:maduro|nicolas": 1})
    qs = [QueryName("1", "Nicolás Maduro", "person"), QueryName("2", "NICOLAS  MADURO", "person")]
    t = project_queries(qs, keys)
    assert t.num_rows == 1
    rec = t.to_pylist()[0]
    assert rec["query_id"] == "1" and rec["ent_num"] is None
    assert rec["key_token"] == "maduro"
    assert rec["key_bits"] == pytest.approx(keys.bits("maduro", phonetic_key("maduro")))
    assert set(rec["block_keys"]) == {"t:nicolas", "t:maduro", "tt:maduro|nicolas"}
    assert rec["joined"] == ["nicolasmaduro"]  # and "t:nicolasmaduro" would block, were it in the list


def test_initials_do_not_take_part_in_word_comparisons():
    rec = project_queries([QueryName("1", "Ted S. Yoho", "person")], SnapshotKeys({})).to_pylist()[0]
    assert "s" not in rec["tokens"] and len(rec["phonetic"]) == 2
    assert rec["block_keys"] == []  # no key exists in an empty list


def test_prepared_snapshot_has_every_name_and_capped_keys(snap_store):
    store, sid = snap_store
    n_names = store.query("SELECT count(*) FROM sdn_names WHERE snapshot_id = $s", {"s": sid})[0][0]
    n_std = store.query("SELECT count(*) FROM sdn_names_std WHERE snapshot_id = $s", {"s": sid})[0][0]
    assert n_std == n_names
    row = store.query(
        "SELECT tokens, key_token, entity_kind FROM sdn_names_std "
        "WHERE snapshot_id = $s AND name_raw = 'MADURO MOROS, Nicolas'",
        {"s": sid},
    )[0]
    assert row == (["nicolas", "maduro", "moros"], "maduro", "person")
    keys = load_keys(store, sid)
    commonest = max(keys.df, key=keys.df.get)
    assert keys.usable("t:maduro") and not keys.usable(commonest)
    too_common = store.query(
        "SELECT count(*) FROM (SELECT unnest(block_keys) k FROM sdn_names_std WHERE snapshot_id = $s) "
        "JOIN linkage_keys l ON l.key = k AND l.snapshot_id = $s WHERE l.df > $cap",
        {"s": sid, "cap": MAX_KEY_NAMES},
    )[0][0]
    assert too_common == 0


def test_prepare_is_idempotent(snap_store):
    store, sid = snap_store
    count = "SELECT count(*) FROM linkage_keys WHERE snapshot_id = $s"
    before = store.query(count, {"s": sid})[0][0]
    ensure_prepared(store, sid)
    prepare_snapshot(store, sid)
    assert before == store.query(count, {"s": sid})[0][0] > 1000


def test_countries_are_iso_codes_on_both_sides(snap_store):
    store, sid = snap_store
    row = store.query(
        "SELECT countries, program_countries, name_bits FROM sdn_names_std "
        "WHERE snapshot_id = $s AND name_raw = 'MADURO MOROS, Nicolas'",
        {"s": sid},
    )[0]
    assert "VE" in row[0] and "VE" in row[1] and row[2] > 15
    q = project_queries([QueryName("1", "Nicolas Maduro", "person", "Venezuela")], load_keys(store, sid))
    assert q.to_pylist()[0]["countries"] == ["VE"] == q.to_pylist()[0]["program_countries"]


def test_generic_words_carry_less_information_than_rare_names(snap_store):
    store, sid = snap_store
    keys = load_keys(store, sid)
    recs = project_queries(
        [QueryName("1", "State Department", "organization"), QueryName("2", "Nicolas Maduro", "person")], keys
    ).to_pylist()
    bits = {r["query_id"]: r["name_bits"] for r in recs}
    assert bits["1"] < bits["2"] - 3


def test_generic_organisation_words_count_little_however_rare():
    # "department" is held by few list names here, yet it names a kind of body, not which one.
    keys = SnapshotKeys({"t:department": 1, "p:dprtmnt": 1, "t:tatneft": 1, "p:ttnft": 1}, name_count=20000)
    org = project_queries([QueryName("1", "Department", "organization")], keys).to_pylist()[0]
    rare = project_queries([QueryName("2", "Tatneft", "organization")], keys).to_pylist()[0]
    person = project_queries([QueryName("3", "Department", "person")], keys).to_pylist()[0]
    assert org["name_bits"] <= GENERIC_WORD_BITS < 10 < rare["name_bits"] == person["name_bits"]
    assert org["phonetic_bits"] == [org["name_bits"]] and len(rare["phonetic_bits"]) == len(rare["phonetic"])


def test_query_without_a_rare_key_blocks_on_its_rarest_single_key():
    df = {"t:shabbiha": 0, "p:sbh": MAX_SINGLE_KEY_NAMES + 1, "t:ali": 500, "p:al": 600}
    keys = SnapshotKeys(df, name_count=20000)
    one = project_queries([QueryName("1", "Shabbiha", "organization")], keys).to_pylist()[0]
    assert one["block_keys"] == ["p:sbh"]
    common = project_queries([QueryName("2", "Ali", "person")], keys).to_pylist()[0]
    assert common["block_keys"] == []  # held by more than MAX_FALLBACK_KEY_NAMES names: no key
    assert 500 > MAX_FALLBACK_KEY_NAMES


PARALLEL_QUERIES = [
    QueryName("1", "Nicolás Maduro", "person"),
    QueryName("2", "NICOLAS  MADURO", "person"),  # another spelling of the same key: one record, the first
    QueryName("3", "Nicolás Maduro", "person"),  # the same raw name again
    QueryName("4", "Banco Central de Venezuela", None),
    QueryName("5", "Nicolas Maduro", "person", "Venezuela"),  # a country makes it another record
    QueryName("6", "Валерий Андреевич Пономарев", "person"),
    QueryName("7", "Ted S. Yoho", "person"),
    QueryName("8", "TAT Bank", "organization"),
    QueryName("9", "Qassem Suleimani", None, "Iran", ("Iraq",)),
    QueryName("10", "", None),
]


@pytest.mark.parametrize("dedupe", [True, False])
def test_workers_project_the_same_records_as_one_process(snap_store, monkeypatch, dedupe):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    import reconcile.linkage.prepare as prepare

    store, sid = snap_store
    keys = load_keys(store, sid)
    serial, serial_uids = prepare.project_queries_with_uids(PARALLEL_QUERIES, keys, dedupe=dedupe)
    monkeypatch.setattr(prepare, "_CHUNK", 3)  # several chunks, so order across chunks is exercised
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        par, par_uids = prepare.project_queries_with_uids(PARALLEL_QUERIES, keys, dedupe=dedupe, executor=pool)
    assert par.equals(serial) and par_uids == serial_uids
    assert par.num_rows == (len(PARALLEL_QUERIES) - 2 if dedupe else len(PARALLEL_QUERIES))

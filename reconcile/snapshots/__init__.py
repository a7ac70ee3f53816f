"""OFAC SDN snapshots: fetch, parse every quirk of the legacy CSV set, validate, store, and diff."""

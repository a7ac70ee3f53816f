"""Reports of a weekly run: Parquet exports, the self-contained HTML report, and rows for CLI tables."""

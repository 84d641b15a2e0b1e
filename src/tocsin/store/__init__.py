"""Event stores: DuckDB (default, embedded)."""

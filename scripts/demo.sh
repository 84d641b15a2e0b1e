#!/usr/bin/env bash
# Set everything up, then ingest the bundled sample articles into DuckDB and print their events.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
db=${TOCSIN_DB:-tocsin.duckdb}
.venv/bin/tocsin ingest --input-format jsonl samples/documents.jsonl --db "$db"
.venv/bin/tocsin events --db "$db"

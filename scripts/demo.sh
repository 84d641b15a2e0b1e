#!/usr/bin/env bash
# Set everything up, then ingest the bundled sample articles into DuckDB and print their events.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
db=${TOCSIN_DB:-tocsin.duckdb}
.venv/bin/tocsin ingest --input-format jsonl samples/documents.jsonl --db "$db"
.venv/bin/tocsin events --db "$db"
echo
echo "Fused events (one per occurrence, with every document's report):"
.venv/bin/tocsin events --fused --db "$db"
echo
echo "Alerts, replayed day by day over the two articles' months:"
.venv/bin/tocsin alerts --replay --since 2023-03-01 --until 2023-09-30 --db "$db"

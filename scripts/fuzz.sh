#!/usr/bin/env bash
# The long fuzzing campaign (issue #11): every generator of tests/test_fuzz.py with
# ${1:-3400} cases each (the CLI one a tenth of that: each of its cases is an ingest of a batch).
# Hypothesis prints, per test, how many cases ran and how long they took.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --dev >/dev/null
export HYPOTHESIS_PROFILE=long TOCSIN_FUZZ_EXAMPLES="${1:-3400}"
export TOCSIN_LOG="${TOCSIN_LOG:-$(mktemp -d)/errors.log}"
.venv/bin/python -m pytest -q tests/test_fuzz.py --hypothesis-show-statistics -p no:cacheprovider
if [ -s "$TOCSIN_LOG" ]; then
  echo "internal errors or warnings were logged: $TOCSIN_LOG" >&2
  grep -c '^--- ' "$TOCSIN_LOG" >&2
fi

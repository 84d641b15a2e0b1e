#!/usr/bin/env bash
# Create .venv (Python 3.11+) and install tocsin with every dependency pinned by version and sha256.
#   scripts/setup.sh          runtime dependencies (requirements.lock)
#   scripts/setup.sh --dev    plus the test and lint tools (requirements-dev.lock)
# Idempotent: a second run only checks what is installed. Nothing is downloaded at run time later.
set -euo pipefail
cd "$(dirname "$0")/.."

lock=requirements.lock
[ "${1:-}" = "--dev" ] && lock=requirements-dev.lock

python=""
for candidate in "${PYTHON:-}" python3.11 python3.12 python3.13 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 &&
        "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
        python=$candidate
        break
    fi
done
if [ -z "$python" ]; then
    echo "setup: Python 3.11 or newer is required (set PYTHON=/path/to/python3.11)" >&2
    exit 2
fi

if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv
fi
stamp=.venv/.tocsin-$(sha256sum "$lock" pyproject.toml | sha256sum | cut -c1-16)
if [ ! -f "$stamp" ]; then
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps \
        -r "$lock"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps \
        --no-build-isolation -e .
    rm -f .venv/.tocsin-*
    touch "$stamp"
fi
# Build the gazetteer index once (about 15 s); later runs open it instantly.
.venv/bin/python -c 'from tocsin.geo.gazetteer import open_gazetteer; open_gazetteer().close()'

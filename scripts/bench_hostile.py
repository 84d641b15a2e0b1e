"""Time and memory of `tocsin ingest` on the hostile-input regression folder (issue #11).

Copies tests/fixtures/hostile to a temporary folder, adds four generated inputs that once took
minutes or gigabytes (a 598,000-character paragraph without a full stop, 2,000 paragraphs in one
document, 600,000 empty <p>, 20,000 nested parentheses around a sentence), ingests it into a new
store and prints the wall time, the peak resident memory of the ingest process and its summary.

    .venv/bin/python scripts/bench_hostile.py
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SENTENCE = "Gunmen attacked a police post in Gao on Monday, killing three officers, the army said."


def _generated(folder: Path) -> None:
    (folder / "no_full_stop.txt").write_text(("soldiers shelled the town and " * 20_000)[:598_000])
    (folder / "paragraphs.txt").write_text("\n\n".join(f"{i}: {SENTENCE}" for i in range(2_000)))
    (folder / "empty_p.html").write_text("<html><body>" + "<p></p>" * 600_000 + "</body></html>")
    (folder / "parentheses.txt").write_text("(" * 10_000 + SENTENCE + ")" * 10_000)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "hostile"
        shutil.copytree(ROOT / "tests" / "fixtures" / "hostile", folder, symlinks=True)
        _generated(folder)
        db = Path(tmp) / "bench.duckdb"
        tocsin = Path(sys.executable).with_name("tocsin")
        started = time.monotonic()
        proc = subprocess.run([str(tocsin), "ingest", "--db", str(db), str(folder)],
                              capture_output=True, text=True, check=False)  # fmt: skip
        wall = time.monotonic() - started
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        summary = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""
        print(f"wall {wall:.1f} s, peak memory {peak_kb / 1024 / 1024:.2f} GB, exit {proc.returncode}")
        print(summary)
        slowest = [line for line in proc.stderr.splitlines() if "too_slow" in line]
        print(f"too_slow: {len(slowest)}")


if __name__ == "__main__":
    main()

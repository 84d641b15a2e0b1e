"""The bulletin as PDF: its HTML page printed by headless Chromium (Debian's chromium package)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

#: Chromium's flags for a headless print on a machine with no network: no sandbox as root, and no
#: background connections that the closed network would refuse.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-pdf-header-footer"]  # fmt: skip


class PrintError(Exception):
    """The PDF could not be printed (no Chromium, or it failed); the message says why."""


def print_pdf(html: str, out: Path) -> None:
    """Print a self-contained HTML page to ``out``."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise PrintError(
            "a PDF needs Chromium (Debian: apt-get install chromium); md, html and json need nothing"
        )
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "bulletin.html"
        page.write_text(html, encoding="utf-8")
        target = out.resolve()
        try:
            command = [chromium, *FLAGS, f"--user-data-dir={tmp}/profile", f"--print-to-pdf={target}",
                       page.as_uri()]  # fmt: skip
            done = subprocess.run(command, capture_output=True, timeout=120, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PrintError(f"Chromium could not print the bulletin: {exc}") from exc
    if done.returncode != 0 or not target.exists() or target.stat().st_size == 0:
        raise PrintError(f"Chromium could not print the bulletin (exit {done.returncode})")

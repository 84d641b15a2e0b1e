"""Photograph the dashboard on a store for the README: `python scripts/screenshot_dashboard.py
STORE OUT.png [--query 'since=...&actor=...']`. Serves STORE on a free loopback port and drives
Debian's Chromium (playwright, never a downloaded browser); an event's card is opened."""

from __future__ import annotations

import argparse
import shutil
import socket
import threading
import time

import uvicorn
from playwright.sync_api import sync_playwright

from tocsin.api.app import create_app
from tocsin.config import load_settings

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("store")
    parser.add_argument("out")
    parser.add_argument("--query", default="")
    args = parser.parse_args()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(args.store, load_settings()), port=port, log_level="warning")
    )
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    browser_path = shutil.which("chromium") or shutil.which("chromium-browser")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=browser_path, args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"http://127.0.0.1:{port}/?{args.query}")
        page.wait_for_selector("#events tbody tr")
        page.wait_for_selector("#map path.country")
        page.locator("#events tbody tr").first.click()
        page.wait_for_selector("#card:not([hidden])")
        page.screenshot(path=args.out, full_page=True)
        browser.close()
    server.should_exit = True


if __name__ == "__main__":
    main()

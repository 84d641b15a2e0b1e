"""The mapping of imported datasets onto tocsin's record, read from ``data/imports.toml``."""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Any


@functools.cache
def mapping() -> dict[str, Any]:
    """The parsed ``data/imports.toml``."""
    text = resources.files("tocsin.data").joinpath("imports.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def plover(acled_type: str, acled_sub_type: str) -> tuple[str | None, str | None]:
    """The PLOVER event and mode of an ACLED (sub-)event type."""
    m = mapping()["acled"]
    event, mode = m["sub_events"].get(acled_sub_type) or m["events"].get(acled_type) or ["", ""]
    return (event or None), (mode or None)

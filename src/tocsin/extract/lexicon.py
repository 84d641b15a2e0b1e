"""The trigger lexicon (``data/triggers.tsv``): which words signal which PLOVER event."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon row: a lemma and part of speech that signal an event type and mode.

    ``condition`` is ``""`` or one of ``obj=…``, ``child=…``, ``prep=…``, ``head=…``,
    ``wrongdoing`` (see the header of ``triggers.tsv``).
    """

    lemma: str
    pos: str
    event: str
    mode: str | None
    condition: str

    @property
    def wrongdoing(self) -> bool:
        """Whether the trigger only alleges a violation (it yields a statement event, no act)."""
        return self.condition == "wrongdoing"

    def condition_words(self) -> frozenset[str]:
        """The lemmas or forms named by an ``x=a|b`` condition."""
        if "=" not in self.condition:
            return frozenset()
        return frozenset(self.condition.split("=", 1)[1].split("|"))

    @property
    def condition_kind(self) -> str:
        """``obj``, ``child``, ``prep``, ``noprep``, ``head``, ``nocomp``, ``reach``, ``intransitive``,
        ``wrongdoing`` or ``""``."""
        return self.condition.split("=", 1)[0]


@lru_cache(maxsize=1)
def lexicon() -> dict[str, tuple[Trigger, ...]]:
    """Lexicon rows keyed by lemma, in file order."""
    text = resources.files("tocsin.data").joinpath("triggers.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    out: dict[str, list[Trigger]] = {}
    for row in csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t"):
        trig = Trigger(
            lemma=row["lemma"],
            pos=row["pos"],
            event=row["event"],
            mode=row["mode"] or None,
            condition=(row.get("condition") or "").strip(),
        )
        out.setdefault(trig.lemma, []).append(trig)
    return {k: tuple(v) for k, v in out.items()}

"""The trigger lexicon (``data/triggers.tsv``): which words signal which PLOVER event."""

from __future__ import annotations

import csv
import gzip
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

#: The kinds of condition a row may set (see the header of ``triggers.tsv``).
CONDITION_KINDS = frozenset(
    {"", "obj", "whom", "people", "armed", "noobj", "prep", "noprep", "noprt", "head", "nocomp", "reach",
     "intransitive", "counted", "child", "wrongdoing", "under", "next", "act", "nomod",
     "subject"}
)  # fmt: skip


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

    @property
    def conditions(self) -> tuple[tuple[str, frozenset[str]], ...]:
        """Each condition the row sets (``;`` joins several, all of which must hold), as its kind and
        the lemmas or forms it names (``"obj=position;prep=up"``: an object "position" and the
        particle "up")."""
        out = []
        for part in self.condition.split(";"):
            kind, _, words = part.strip().partition("=")
            out.append((kind, frozenset(words.split("|")) if words else frozenset()))
        return tuple(out)

    def condition_words(self) -> frozenset[str]:
        """The lemmas or forms named by the row's first condition (``x=a|b``)."""
        return self.conditions[0][1]

    @property
    def condition_kind(self) -> str:
        """The kind of the row's first condition: ``obj``, ``child``, ``prep``, ``noprep``, ``head``,
        ``nocomp``, ``reach``, ``intransitive``, ``wrongdoing`` or ``""``."""
        return self.conditions[0][0]


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


@lru_cache(maxsize=4096)
def subject_heads(lemma: str) -> frozenset[str]:
    """The verbs a trigger's rows name in a ``subject=`` condition ("violence": flare, erupt ...):
    a noun after the trigger with one of these lemmas is that verb, which a headline's parse may
    take for a noun ("Ukraine violence flares"), not a thing the trigger names a kind of."""
    return frozenset(w for trig in lexicon().get(lemma, ()) for kind, words in trig.conditions
                     if kind == "subject" for w in words)  # fmt: skip


def word_list(name: str) -> frozenset[str]:
    """A bundled list of words (``data/*.txt.gz``, one a line, ``#`` comments)."""
    text = gzip.decompress(resources.files("tocsin.data").joinpath(name).read_bytes()).decode("utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def act_nouns() -> frozenset[str]:
    """Common nouns that can name an act or a happening and are not first a thing one holds, eats
    or grows (``data/act_nouns.txt.gz``, from WordNet): "evacuation", "withdrawal"; not "drink"."""
    return word_list("act_nouns.txt.gz")

"""A headline's labels: the wire slug before it ("UPDATE 2-", "WRAPUP 1-", "FACTBOX-") and the
credit after it ("...: Kiev", "... - militia", "...clash-minister").

A slug says how a story was filed, not what happened; its number is a version, never a count. A
credit says who says it: the headline's claimant, as "Kiev said" would be in prose. Both are kept in
the text (offsets do not move) as segments of their own, and not coded: a credit glued to the
headline's last noun had made "fighting" a modifier of "militia" and the event was lost. The
labels and the words that name a speaker are data (``data/headlines.toml``).
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from itertools import pairwise

from tocsin.models import Segment


@lru_cache(maxsize=1)
def _slug() -> re.Pattern[str]:
    text = resources.files("tocsin.data").joinpath("headlines.toml").read_text(encoding="utf-8")
    labels = tomllib.loads(text)["slugs"]["labels"]
    names = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    # Capitals only (no IGNORECASE): "Update on the talks" is prose, "UPDATE 2-" a slug. A hyphen
    # follows the label at once ("UPDATE 2-Ukraine"); a colon is followed by a space ("WRAP: ...").
    return re.compile(rf"(?:(?:{names})(?: \d{{1,2}})?(?:-|: ))+ *")


@lru_cache(maxsize=1)
def _speakers() -> frozenset[str]:
    text = resources.files("tocsin.data").joinpath("headlines.toml").read_text(encoding="utf-8")
    return frozenset(tomllib.loads(text)["credits"]["speakers"])


#: A credit: a dash or colon after the headline's last word, then one to four words, none a number.
#: "clash-minister", "Ukraine- minister" (a hyphen with no space before it) only before a word that
#: names a speaker.
_CREDIT = re.compile(
    r"(?: [-\u2013\u2014] |: | ?[-\u2013\u2014] ?(?=[a-z]))"  # the separator
    r"([^\d\n:\-\u2013\u2014.!?]+?)\s*$"  # the credit: no number, dash or stop
)


#: The longest line read as a headline (25 words and a credit): a longer text is prose.
HEADLINE_CHARS = 300


def headline_line(text: str) -> bool:
    """Whether a text is one line of a headline's length (where a credit or a missing stop may be)."""
    return len(text) <= HEADLINE_CHARS and "\n" not in text.strip()


def _credit(text: str, start: int, end: int) -> int | None:
    """Where a headline's credit begins (its separator), or ``None``."""
    line = text[start:end]
    if not headline_line(line):
        return None  # a long line or several are no headline
    found = _CREDIT.search(line)
    if found is None:
        return None
    words = found.group(1).split()
    head = line[: found.start()].split()
    if not 1 <= len(words) <= 4 or len(head) < 3 or len(head) > 25 or len(words) >= len(head):
        return None
    word = words[-1].lower()
    spoken = word in _speakers() or word.removesuffix("s") in _speakers()
    attached = not found.group(0).startswith((" ", ":"))
    if not spoken and (attached or not words[-1][:1].isupper()):
        return None
    return start + found.start()


def split_slug(text: str, segment: Segment) -> tuple[Segment, ...]:
    """A body segment with a slug at its start as a ``slug`` segment, with a credit at its end as a
    ``credit`` segment, and the rest as ``body``; else itself."""
    if segment.label != "body":
        return (segment,)
    parts: list[Segment] = []
    start, end = segment.start, segment.end
    found = _slug().match(text, start, end)
    if found is not None and found.end() < end:
        parts.append(Segment("slug", start, found.end()))
        start = found.end()
    credit = _credit(text, start, end)
    if credit is None:
        return (*parts, Segment("body", start, end)) if parts else (segment,)
    return (*parts, Segment("body", start, credit), Segment("credit", credit, end))


def credit_text(text: str, segment: Segment) -> str:
    """The name a ``credit`` segment gives, without its dash or colon."""
    return text[segment.start : segment.end].strip().lstrip("-\u2013\u2014:").strip()


def credits(document_text: str, segments: tuple[Segment, ...]) -> dict[int, str]:
    """The credit of each body segment that has one, by the body segment's start."""
    return {
        body.start: credit_text(document_text, after)
        for body, after in pairwise(segments)
        if body.label == "body" and after.label == "credit" and after.start == body.end
    }

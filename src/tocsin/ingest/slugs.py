"""Wire slugs: the desk's label before a headline ("UPDATE 2-", "WRAPUP 1-", "FACTBOX-").

A slug says how a story was filed, not what happened; its number is a version, never a count. It
is kept in the text (offsets do not move) as a segment of its own, and not coded. The labels are
data (``data/headlines.toml``, ``[slugs]``).
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

from tocsin.models import Segment


@lru_cache(maxsize=1)
def _slug() -> re.Pattern[str]:
    text = resources.files("tocsin.data").joinpath("headlines.toml").read_text(encoding="utf-8")
    labels = tomllib.loads(text)["slugs"]["labels"]
    names = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    # Capitals only (no IGNORECASE): "Update on the talks" is prose, "UPDATE 2-" a slug. A hyphen
    # follows the label at once ("UPDATE 2-Ukraine"); a colon is followed by a space ("WRAP: ...").
    return re.compile(rf"(?:(?:{names})(?: \d{{1,2}})?(?:-|: ))+ *")


def split_slug(text: str, segment: Segment) -> tuple[Segment, ...]:
    """A body segment with a slug at its start as a ``slug`` segment and the rest; else itself."""
    found = _slug().match(text, segment.start, segment.end)
    if found is None or found.end() >= segment.end or segment.label != "body":
        return (segment,)
    return (Segment("slug", segment.start, found.end()), Segment("body", found.end(), segment.end))

"""Segmenting plain-text copies of web pages: body apart from captions, bios, comments and forms.

A page saved as text keeps everything the page showed: the headline, photo captions with their
credits, the byline and author bio, "13 Comments" threads with replies, the comment form, links to
other stories ("Related: ...", "MORE: ..."), comment policies and donation appeals, and table rows.
Only the article body describes events; the rest is labelled and kept, never coded (a wire
slug before a headline too: ``tocsin.ingest.slugs``).
"""

from __future__ import annotations

import re

from tocsin.ingest.slugs import split_slug
from tocsin.models import Segment

_COMMENTS_HEADER = re.compile(
    r"^\s*(?:\d+\s+(?:comments?|responses?|replies|thoughts? on .*)|comments?|reader comments|"
    r"join the (?:discussion|conversation)|show comments|discussion)\s*:?\s*$",
    re.IGNORECASE,
)
_FORM = re.compile(
    r"^\s*(?:leave a (?:reply|comment)|post a comment|add a comment|your email address will not be"
    r" published\.?|required fields are marked|cancel reply|\*)\s*",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(
    r"^\s*(?:share this:?|share on \w+|click to share.*|subscribe.*|sign up for .*newsletter.*|"
    r"advertisement|related(?: articles| posts| stories)?:?|read more:?|follow us.*|tags?:.*|"
    r"filed under.*|print this.*|email this.*|you may also like.*)\s*$",
    re.IGNORECASE,
)
#: A link to another story: "Related: Las Vegas shooting followed ...", "MORE: ...", "WATCH: ...".
_TEASER = re.compile(
    r"^\s*(?:related(?: stor(?:y|ies)| articles?| coverage| posts?| links?| content| news)?|"
    r"more|read more|read also|also read|"
    r"see also|watch|listen|recommended|trending|popular|top stories|latest|don'?t miss|must read|"
    r"more on this|more from \w+|photos?|video|gallery|opinion|editor'?s picks?)\s*[:|»›>]\s*\S",
    re.IGNORECASE,
)
#: The page's own furniture: comment policies, donation appeals, rights notices, cookie banners.
_FURNITURE = re.compile(
    r"comment(?:s|ing)? (?:policy|guidelines)|comments are (?:moderated|closed|reviewed)|"
    r"please (?:consider )?(?:donat|support)|donate (?:now|today)|make a donation|"
    r"support (?:our|independent|quality) journalism|become a (?:member|patron|subscriber)|"
    r"all rights reserved|terms of (?:use|service)|privacy policy|we use cookies|"
    r"this (?:article|story) (?:was|has been) (?:updated|corrected)|sign up for our",
    re.IGNORECASE,
)
_CREDIT = re.compile(r"\((?:photo|image|credit|source|via|courtesy)?[^()]{2,60}\)\s*$", re.IGNORECASE)
_CAPTION_PREFIX = re.compile(r"^\s*(?:photo|image|picture|caption|file photo)\s*[:|]", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?\"”’:]\s*$")
_NAME_LINE = re.compile(r"^\s*(?:by\s+)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}\s*$")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of the paragraphs of ``text``.

    A paragraph ends at a blank line, or at a line break after a line that ends a sentence or
    before a line that starts with a capital (hard-wrapped lines are joined back).
    """
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    spans: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for s, e in lines:
        line = text[s:e]
        if not line.strip():
            continue
        s += len(line) - len(line.lstrip())
        e -= len(line) - len(line.rstrip())
        if current is not None:
            prev = text[current[0] : current[1]]
            gap = text[current[1] : s]
            wrapped = (
                "\n\n" not in gap.replace(" ", "")
                and not _SENTENCE_END.search(prev)
                and text[s : s + 1].islower()
            )
            if wrapped:
                current = (current[0], e)
                continue
            spans.append(current)
        current = (s, e)
    if current is not None:
        spans.append(current)
    return spans


def _is_caption(par: str) -> bool:
    words = par.split()
    if _CAPTION_PREFIX.match(par):
        return True
    return (
        len(words) <= 30
        and bool(_CREDIT.search(par))
        and not _SENTENCE_END.search(_CREDIT.sub("", par).rstrip())
    )


def segment_text(text: str, *, title: str | None = None) -> tuple[Segment, ...]:
    """Label each paragraph of a plain-text page: title, body, caption, byline, bio, comments, form."""
    pars = _paragraphs(text)
    labels: list[str] = ["body"] * len(pars)
    # Everything from a comments header (or a comment form) on is the comment section.
    for i, (s, e) in enumerate(pars):
        para = text[s:e]
        first_line = para.splitlines()[0]
        if _COMMENTS_HEADER.match(first_line) or _FORM.match(first_line):
            for j in range(i, len(pars)):
                labels[j] = "comments"
            for j in range(i, len(pars)):
                if _FORM.match(text[pars[j][0] : pars[j][1]].splitlines()[0]):
                    for k in range(j, len(pars)):
                        labels[k] = "form"
                    break
            break
    body_end = (
        labels.index("comments")
        if "comments" in labels
        else (labels.index("form") if "form" in labels else len(pars))
    )
    # Byline and author bio: name lines near the end of the body, and "NAME is ..." paragraphs.
    tail = range(max(0, body_end - 6), body_end)
    names = {
        re.sub(r"^\s*by\s+", "", text[pars[i][0] : pars[i][1]].strip(), flags=re.IGNORECASE)
        for i in tail
        if _NAME_LINE.match(text[pars[i][0] : pars[i][1]])
        and not _SENTENCE_END.search(text[pars[i][0] : pars[i][1]])
    }
    for i in range(body_end - 1, -1, -1):
        para = text[pars[i][0] : pars[i][1]].strip()
        bare = re.sub(r"^\s*by\s+", "", para, flags=re.IGNORECASE)
        if bare in names:
            labels[i] = "byline"
        elif names and any(para.startswith(n + " ") for n in names):
            labels[i] = "bio"
        else:
            break
    for i, (s, e) in enumerate(pars):
        para = text[s:e]
        if labels[i] != "body":
            continue
        if (
            i == 0
            and len(pars) > 1  # a lone paragraph is the text itself, never a headline
            and (title is None or para.strip() == title.strip())
            and not _SENTENCE_END.search(para)
            and len(para.split()) <= 25
        ) or (title is not None and para.strip() == title.strip()):
            labels[i] = "title"
        elif _BOILERPLATE.match(para) or (_FURNITURE.search(para) and len(para.split()) <= 80):
            labels[i] = "boilerplate"
        elif _TEASER.match(para) and len(pars) > 1:
            labels[i] = "teaser"  # another story's headline: its events are that story's
        elif para.count("|") >= 3 or para.count("\t") >= 3:
            labels[i] = "table"  # rows of a table: figures, not sentences that report
        elif len(pars) > 1 and _is_caption(para):  # a lone paragraph is the text, not a caption
            labels[i] = "caption"
    return tuple(
        part
        for label, (s, e) in zip(labels, pars, strict=True)
        for part in split_slug(text, Segment(label, s, e))
    )

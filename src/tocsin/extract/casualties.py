"""Dead, injured and arrested counts, coded conservatively as ACLED does.

"three ... officers ... were killed" → 3 dead; "the death of two civilians" → 2 dead; "a dozen" →
12; "dozens" → 12; "hundreds" → 100; "several" or "many" → 10 as a floor is *not* used: vague
quantities without a number leave the count unknown, except ACLED's own conventions above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from tocsin.extract.headlines import complement_patient, participle_modifier, reduced_passive_subject
from tocsin.extract.triggers import match_trigger

NUMBER_WORDS = {
    "zero": 0,
    "no": 0,
    "one": 1,
    "a": 1,
    "an": 1,
    "single": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
    "dozens": 12,
    "scores": 20,
    "hundred": 100,
    "hundreds": 100,
    "thousand": 1000,
    "thousands": 1000,
    "couple": 2,
}
DEATH_VERBS = frozenset(
    {
        "kill",
        "die",
        "murder",
        "execute",
        "behead",
        "massacre",
        "lynch",
        "slay",
        "shoot",
        "perish",
        "assassinate",
        "succumb",
    }
)
DEATH_NOUNS = frozenset({"death", "killing", "fatality", "casualty", "body", "dead", "toll", "victim"})
INJURY_WORDS = frozenset({"wound", "injure", "hurt", "injury", "wounded", "injured"})
ARREST_WORDS = frozenset({"arrest", "detain", "detention", "apprehend"})
_NONE_PHRASE = re.compile(
    r"\bno (?:casualties|fatalities|deaths|injuries|one was (?:killed|hurt|injured))\b|"
    r"\bwithout (?:casualties|fatalities)\b|\bno (?:one|body) (?:was|were) (?:killed|hurt|injured)\b",
    re.IGNORECASE,
)


#: No count of people is larger: a bigger number is something else misread (an amount, an
#: identifier), and no store column holds it.
MOST_PEOPLE = 1_000_000_000


def parse_number(tokens: list[Token]) -> int | None:
    """A count from number tokens: digits ("1,200"), words ("three", "twenty-one", "a dozen")."""
    total = 0
    found = False
    for tok in tokens:
        text = tok.lower_.replace(",", "")
        if text.isdigit():
            total = total * (1000 if total and len(text) == 3 else 1) + int(text) if total else int(text)
            found = True
            continue
        parts = text.split("-")
        if all(p in NUMBER_WORDS for p in parts):
            value = sum(NUMBER_WORDS[p] for p in parts)
            if value in (100, 1000) and total:
                total *= value
            elif text in {"dozen"} and total:
                total *= 12
            else:
                total += value
            found = True
    return total if found and total <= MOST_PEOPLE else None


def _age(num: Token) -> bool:
    """ "21-year-old Khumalo": a number that is an age, not a count."""
    doc = num.doc
    after = [t.lower_ for t in doc[num.i + 1 : num.i + 5]]
    return ("year" in after[:2] and "old" in after) or "-year-old" in "".join(after[:3])


_TENS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})


def _hyphenated(tens: Token, unit: Token) -> bool:
    """ "Forty-nine" split by the tokenizer; "8 - 14" and "1-5" are ranges, not one number."""
    return (
        tens.doc[tens.i + 1].text == "-"
        and tens.lower_ in _TENS
        and unit.lower_ in NUMBER_WORDS
        and NUMBER_WORDS[unit.lower_] < 10
    )


def _number_groups(tokens: list[Token]) -> list[list[Token]]:
    """Number tokens in runs: adjacent, or joined by a hyphen the tokenizer split off ("Forty -
    nine"); separate runs are separate numbers ("between 16 and 25")."""
    groups: list[list[Token]] = []
    for t in sorted(set(tokens), key=lambda t: t.i):
        last = groups[-1][-1] if groups else None
        if last is not None and (t.i == last.i + 1 or (t.i == last.i + 2 and _hyphenated(last, t))):
            groups[-1].append(t)
        else:
            groups.append([t])
    return groups


def _date_part(num: Token) -> bool:
    """A number of a date the parser hung on a noun: a year ("In 2014 dead bodies were found") or
    a day of a month ("19 February"). A number that NER took into a date by mistake but that
    counts the noun it modifies ("del Mar. 1 fatality") still counts."""
    if num.ent_type_ not in {"DATE", "TIME"}:
        return False
    year = num.text.isdigit() and len(num.text) == 4 and 1800 <= int(num.text) <= 2100
    return year or (num.head.ent_type_ in {"DATE", "TIME"} and num.head.pos_ == "PROPN")


def _count_of(noun: Token) -> int | None:
    nums = [
        c
        for c in noun.children
        if (c.dep_ in {"nummod", "quantmod"} or (c.like_num and c.dep_ != "appos"))
        and not _age(c)
        and not _date_part(c)
    ]
    if not nums:
        # "Six Ukraine soldiers": the number hangs on the first word of the compound.
        nums = [g for c in noun.children if c.dep_ == "compound" and c.i < noun.i for g in c.children
                if (g.dep_ == "nummod" or g.like_num) and g.i < c.i and not _age(g)]  # fmt: skip
    if not nums:
        # "a dozen soldiers": "dozen" may hang off the noun as a determiner-like modifier.
        nums = [
            c for c in noun.children if c.lower_ in {"dozen", "dozens", "hundreds", "scores", "thousands"}
        ]
    if not nums:
        if noun.lower_ in {"dozens", "hundreds", "scores", "thousands"}:
            return NUMBER_WORDS[noun.lower_]
        return None
    toks: list[Token] = [noun] if noun.like_num else []  # "Twenty-one killed": "one" is the noun
    for n in nums:
        toks.extend(t for t in n.subtree if t.like_num or t.lower_ in NUMBER_WORDS)
    # "between 16 and 25", "16 to 25": separate numbers make a range; ACLED takes the lower bound.
    counts = [c for g in _number_groups(toks) if (c := parse_number(g)) is not None]
    return min(counts) if counts else None


def _listed_count(noun: Token, before: int) -> int | None:
    """The count of a noun, or the sum of a list of counted victims it belongs to ("3 rebels, 2
    civilians killed", "12 soldiers and 4 volunteer fighters"; every item must give a number: "a
    soldier (SNA)", "a lawyer, member of the bar" are one person told twice). The list stays on its
    side of the word of death (at ``before``): ": insurgents" after "3 rebels, 2 civilians killed" is
    the source."""
    first = noun
    while (
        first.dep_ in {"appos", "conj"}
        and first.head.i != first.i
        and first.head.pos_ in {"NOUN", "PROPN", "NUM"}
    ):
        first = first.head
    members = [first]
    for member in members:
        members.extend(c for c in member.children
                       if c.dep_ in {"appos", "conj"} and c.pos_ in {"NOUN", "PROPN"}
                       and (c.i < before) == (noun.i < before)
                       and c.doc[c.i - 1].text != "(")  # "fighters (VDP)": the same men  # fmt: skip
    if len(members) < 2:
        return _count_of(noun)
    counts = [_count_of(m) for m in members]
    if all(c is not None for c in counts):
        return sum(c for c in counts if c is not None)
    own = _count_of(noun)
    if own is None and counts[0] is not None:
        return counts[0]  # "Ten Ukrainian soldiers, police killed": at least the number heading the list
    return own


def _number_before(tok: Token) -> int | None:
    """The number written just before a word ("five dead", "Forty-nine wounded"): a count however
    the parser hung it; the lower of a range ("8 - 14 dead"). Not a year or a date ("In 2014 dead
    bodies"), nor before a word that qualifies a noun ("dead bodies")."""
    if tok.dep_ == "amod" and tok.head.i > tok.i:
        return None
    numbers: list[Token] = []
    i = tok.i - 1
    while i >= tok.sent.start and (tok.doc[i].like_num or (tok.doc[i].text == "-" and numbers)):
        if tok.doc[i].like_num:
            numbers.insert(0, tok.doc[i])
        i -= 1
    if not numbers or _age(numbers[0]) or numbers[-1].i + 1 != tok.i:
        return None
    first = numbers[0]
    before = tok.doc[first.i - 1] if first.i > tok.sent.start else None
    if first.ent_type_ in {"DATE", "TIME"} or (
        before is not None and before.lower_ in _PLACE_TIME_PREPOSITIONS
    ):
        return None
    counts = [c for g in _number_groups(numbers) if (c := parse_number(g)) is not None]
    return min(counts) if counts else None


#: Verbs whose subject "dead" (or "wounded") is said of: verbs of report ("Forty said dead", "two
#: feared dead"), "find" ("three people were found dead") and the copula ("two men were dead");
#: and "leave", whose object it is said of ("the attack left five people dead").
_REPORTED = frozenset(
    {"say", "report", "fear", "believe", "confirm", "think", "presume", "find", "be", "leave"}
)


def _said_to_be(tok: Token) -> int | None:
    """The number of those said, reported, feared or found dead (or wounded): the subject of the
    verb that "dead" completes ("Forty said dead", "13 reported dead", "three people were found
    dead", "two men were dead"), or the subject "dead" has of its own ("police found two men
    dead")."""
    own = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
    verb = tok.head
    if tok.dep_ not in {"oprd", "acomp", "xcomp", "ccomp"} or verb.lemma_.lower() not in _REPORTED:
        return None
    left = verb.lemma_.lower() == "leave"  # "left five people dead": the object, after the verb
    said_of = {"dobj"} if left else {"nsubj", "nsubjpass"}
    subject = own or next((c for c in verb.children if c.dep_ in said_of and (c.i > verb.i) == left), None)
    if subject is None:
        return None
    return parse_number([subject]) if subject.like_num else _count_of(subject)


def _shot_dead(tok: Token) -> bool:
    """ "Two shot dead as police storm the camp": a headline's "shot dead" the parser read as a noun."""
    return tok.lower_ == "shot" and tok.pos_ == "NOUN" and any(c.lower_ == "dead" for c in tok.children)


def _to_death(tok: Token) -> bool:
    """ "stabbed to death", "beaten to death": a violent act (an ASSAULT trigger) whose result is
    death kills; "sentenced to death", "scared to death" tell no killing."""
    to = (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to")
    if not any(g.dep_ == "pobj" and g.lower_ == "death" for c in to for g in c.children):
        return False
    trigger = match_trigger(tok) if tok.pos_ == "VERB" else None
    return trigger is not None and trigger.event == "ASSAULT"


#: Verbs by which a toll reaches its figure: "rises to 30", "tops 30", "stands at 15", "hits 67".
_TOLL_VERBS = frozenset(
    {"rise", "climb", "reach", "top", "hit", "jump", "increase", "mount", "soar", "stand", "grow",
     "pass", "surpass", "exceed"}
)  # fmt: skip


def _figure(node: Token) -> int | None:
    numbers = [t for t in node.subtree if t.like_num and not _age(t)]
    counts = [n for g in _number_groups(numbers) if (n := parse_number(g)) is not None]
    return min(counts) if counts else None


def _toll_figure(toll: Token) -> int | None:
    """The figure a toll is said to reach: "the toll rose to 35", "stands at 15", "hits 67", "raises
    the death toll ... to 17"; in a headline the tagger may read the verb as a noun ("Rebel toll
    from Slavyansk raid tops 30"), so the words after the toll are read too: a verb of reaching,
    then "to" or "at", then the figure."""
    verb = toll.head
    if verb.pos_ in {"VERB", "AUX"} and toll.dep_ in {"nsubj", "dobj", "nsubjpass"}:
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in {"to", "at"}:
                figure = next((g for g in c.children if g.dep_ == "pobj" and g.like_num), None)
                if figure is not None:
                    return _figure(figure)
            elif c.dep_ in {"dobj", "attr"} and c.like_num and toll.dep_ == "nsubj":
                return _figure(c)
    if toll.dep_ in {"dobj", "pobj"}:
        return None  # "raised the toll", "an update on the toll": the words after are no reaching
    rest = toll.doc[toll.i + 1 : toll.sent.end]
    for i, t in enumerate(rest):
        if t.lemma_.lower() not in _TOLL_VERBS:
            continue
        after = rest[i + 1 : i + 3]
        if len(after) and after[0].lower_ in {"to", "at"}:
            after = after[1:]
        return parse_number([after[0]]) if len(after) and after[0].like_num else None
    return None


#: Verbs of which "lives" is the object when people died: "claimed six lives", "took the lives of
#: two soldiers", "cost 14 lives".
_LIFE_TAKING = frozenset({"claim", "take", "cost"})


def _lives_taken(tok: Token) -> bool:
    """ "lives" as what a deadly act claimed, took or cost (not "saved lives", "their lives at risk")."""
    return tok.lemma_.lower() == "life" and tok.dep_ in {"dobj", "obj"} and tok.head.lemma_ in _LIFE_TAKING


def _singular(noun: Token) -> bool:
    """ "a man", "the commander", "an individual", "a 17-year-old": one person."""
    if noun.lower_ == "old" and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children):
        return any(c.lemma_.lower() == "year" for c in noun.children)  # "a 17-year-old": someone that age
    return noun.tag_ in {"NN", "NNP"} and noun.lower_ not in NUMBER_WORDS and noun.pos_ in {"NOUN", "PROPN"}


def _count_after(verb: Token) -> int | None:
    """The lowest number in the few words after a verb, up to the first noun ("killed 16 to 25 people")."""
    numbers: list[Token] = []
    for tok in verb.doc[verb.i + 1 : min(len(verb.doc), verb.i + 8)]:
        if tok.pos_ in {"NOUN", "PROPN"} and not tok.like_num:
            break
        if tok.pos_ == "ADP" and tok.lower_ in _PLACE_TIME_PREPOSITIONS:
            break  # "killed in 2014", "killed on 12 May": what follows is a date or a place
        if tok.like_num or (tok.lower_ in NUMBER_WORDS and tok.lower_ not in {"a", "an", "no"}):
            numbers.append(tok)
        elif tok.text == "-" and numbers and numbers[-1].i == tok.i - 1 and numbers[-1].lower_ in _TENS:
            continue  # "killed forty-nine": a hyphen inside a number word
        elif tok.pos_ in {"VERB", "AUX", "CCONJ", "SCONJ"} or tok.is_punct:
            break  # "three were killed and five were wounded": the next clause's count is not this one's
    counts = [c for g in _number_groups(numbers) if (c := parse_number(g)) is not None]
    return min(counts) if counts else None


#: Prepositions after which a number is a date or a place, never a count of the verb's victims
#: (unlike "at least", "up to", "between ... and", "over", "about").
_PLACE_TIME_PREPOSITIONS = frozenset(
    {"in", "on", "since", "during", "from", "by", "near", "of", "after", "before"}
)


#: Nouns of a share of a whole: "three quarters of all species" counts no one.
_SHARES = frozenset({"quarter", "half", "third", "fifth", "tenth", "percent", "fraction", "proportion"})


def counted(noun: Token) -> Token:
    """What a count of things is of: "scores of militiamen", "dozens of people" (not the scores),
    "three quarters of all species" (not the quarters)."""
    whole = share_of(noun)
    if whole is not None:
        return whole
    if noun.lower_ not in NUMBER_WORDS:
        return noun
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((g for g in of.children if g.dep_ == "pobj"), noun) if of is not None else noun


def share_of(noun: Token) -> Token | None:
    """The whole a share is of ("three quarters of all species": species), else None."""
    if noun.lemma_.lower() not in _SHARES:
        return None
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None


@dataclass(frozen=True, slots=True)
class Casualty:
    """A count found in a sentence, the kind (dead, injured, arrested), the token it hangs on."""

    kind: str
    count: int
    anchor: int
    victim: int | None = None


def _misread_dies(tok: Token) -> bool:
    """A headline's "Protester dies of wounds", where the tagger reads "dies" as a plural noun."""
    return (
        tok.lower_ == "dies" and tok.pos_ == "NOUN" and any(c.lower_ in {"of", "from"} for c in tok.children)
    )


def _victim(tok: Token) -> Token | None:
    if _misread_dies(tok):
        return next((c for c in tok.children if c.dep_ == "compound"), None)
    if participle_modifier(tok) and (tok.head.like_num or tok.head.pos_ in {"NOUN", "PROPN"}):
        # A reduced passive, as headlines write it: "Three civilians killed in Donetsk", "One killed
        # in army assault": the word it qualifies is who was killed.
        return tok.head
    headline = reduced_passive_subject(tok) or complement_patient(tok)
    if headline is not None:
        return headline  # "23 servicemen killed in 24 hours", "16 slain in raid", "reported killed"
    if tok.tag_ in {"VBN", "VBD"} and not any(c.dep_ in {"dobj", "obj"} for c in tok.children):
        numeral = next(
            (c for c in tok.children if c.dep_ in {"nsubj", "npadvmod"} and c.like_num and c.i < tok.i), None
        )
        if numeral is not None:
            return numeral  # "4 killed, 23 wounded in E. Ukraine fighting", "left five dead and ten wounded"
    for c in tok.children:
        if c.dep_ in {"nsubjpass", "dobj", "obj"}:
            return c
        if c.dep_ == "nsubj" and tok.lemma_.lower() in {"die", "perish", "succumb"}:
            # the subject nearest the verb, where the parser gave it several ("post-godhra, 668
            # persons had died")
            return max(
                (s for s in tok.children if s.dep_ == "nsubj" and s.i < tok.i), key=lambda s: s.i, default=c
            )
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    node = tok
    for _ in range(3):
        # "a suspected rapist was beaten up, stabbed, and killed": coordinated participles share the
        # passive subject of the first, however the parser chained them
        if node.tag_ != "VBN" or node.dep_ not in {"conj", "advcl"} or node.head.tag_ != "VBN":
            return None
        node = node.head
        subject = next((c for c in node.children if c.dep_ == "nsubjpass"), None)
        if subject is not None:
            # one victim named before the verbs; not a date the parser made the subject, nor a list
            # ("a woman and a female adolescent were shot and killed": counted from the first verb)
            alone = not any(c.dep_ == "conj" for c in subject.children)
            person = subject.pos_ == "NOUN" or subject.ent_type_ == "PERSON"
            return subject if alone and person and subject.ent_type_ not in {"DATE", "TIME"} else None
    return None


def find_casualties(sent: Span) -> list[Casualty]:
    """Counts of dead, injured and arrested people stated in the sentence."""
    out: list[Casualty] = []
    for tok in sent:
        lemma = "die" if _misread_dies(tok) else tok.lemma_.lower()
        killing = lemma in DEATH_VERBS or _to_death(tok)
        if killing or lemma in DEATH_NOUNS or _shot_dead(tok) or _lives_taken(tok):
            kind = "dead"
        elif lemma in INJURY_WORDS:
            kind = "injured"
        elif lemma in ARREST_WORDS:
            kind = "arrested"
        else:
            continue
        if lemma == "shoot" and not any(c.lower_ == "dead" for c in tok.children):
            continue
        victim = _victim(tok)
        if victim is not None and victim.dep_ == "pobj" and victim.head.lower_ in {"including", "among"}:
            victim = victim.head.head  # "13 including two children, killed": the whole is the count
        if victim is not None and share_of(victim) is not None:
            continue  # "three quarters of all species", "half of the passengers": a share, no count
        count = _listed_count(victim, tok.i) if victim is not None else None
        if count is None and victim is not None and victim.like_num:
            count = parse_number([victim])  # "Three were killed": the number is the subject itself
        # a person: not a place or a group, not an act ("police killed the rally")
        person = victim is not None and victim.ent_type_ not in {"GPE", "LOC", "FAC", "ORG", "NORP"} \
            and match_trigger(victim) is None  # fmt: skip
        if count is None and person and victim is not None and kind == "dead" and killing \
                and _singular(victim):  # fmt: skip
            count = 1  # "killed a suspected thief", "a man was shot dead"
        if count is None and lemma in DEATH_VERBS | INJURY_WORDS | ARREST_WORDS and tok.pos_ == "VERB":
            count = _count_after(tok)  # "killed between 16 and 25 people", however it was parsed
        if count is None and lemma in {"dead", "wounded", "injured"} and tok.head.i != tok.i:
            # "two people dead", "left five dead": the number is on the head or the word itself.
            count = _count_of(tok) or (_count_of(tok.head) if tok.dep_ in {"amod", "acomp"} else None)
            if count is None and tok.dep_ in {"amod", "acomp"} and tok.head.like_num:
                count = parse_number([tok.head])  # "Five dead as police storm the camp"
        if count is None and lemma in {"dead", "wounded", "injured"}:
            count = _number_before(tok)  # "Fighting flares in Donetsk, five dead", "..., 295 dead"
        if count is None and lemma in {"dead", "wounded", "injured"}:
            count = _said_to_be(tok)  # "Forty said dead in Donetsk fighting", "three feared dead"
        if count is None and (lemma in {"fatality", "casualty", "toll", "death"} or _shot_dead(tok)):
            count = _count_of(tok)
        if count is None and lemma == "life":
            count = _count_of(tok)  # "an ambush that claimed six lives"
        if count is None and lemma == "toll":
            count = _toll_figure(tok)  # "the death toll rises to 35", "toll hits 67"
        if count is not None:
            out.append(Casualty(kind, count, tok.i, victim.i if victim is not None else None))
    if _NONE_PHRASE.search(sent.text):
        out.append(Casualty("dead", 0, sent.start))
    return out

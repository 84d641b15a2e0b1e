"""The precision stage: is a candidate event a real act of violence, protest or coercion here?

The lexicon proposes candidates from words ("beat", "strike", "rally", "attack"); most such words
have other senses, and open-world news uses them far more often than conflict news does. This
module decides, for each candidate of a contentious type, whether its trigger has the violent or
contentious sense *in this text*, from three things:

- **the trigger's sense** in its own words: a medical modifier ("heart attack", "cardiac arrest"),
  an object nothing can attack ("struck a chord", "beat forecasts", "kill the bill"), a score or an
  electoral contest in its clause ("beat Watford 1-0", "beat Clinton in the primary"), a market
  as its subject ("the dollar's advance", "a rally in stocks");
- **its participants**: a vehicle, a machine or a force of nature as what struck or killed, an
  accident or disaster as what the death was in ("killed in a crash", "a gas explosion"), a cause
  that asks for no one in public ("signed a petition" is no protest);
- **the document's subject**: in a story about sport, markets, health, entertainment or an
  election, a figurative trigger takes that domain's sense unless its sentence speaks of conflict.

A candidate is *dropped* (with the reason, see :class:`Screened`) or *kept as background* (a violent
act that a court case is about: "accused of killing", "jailed for stabbing"). The word classes are
data (``data/senses.toml``); the rules here say how each class is used.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Span, Token

from tocsin.extract.accidents import accident_sense, natural_strike
from tocsin.extract.casualties import counted, find_casualties
from tocsin.extract.fiction import fiction
from tocsin.extract.generality import habitual
from tocsin.extract.lexicon import subject_heads
from tocsin.extract.senses import Senses, name_heads, senses
from tocsin.extract.senses import lemma as _lemma
from tocsin.extract.senses import mentions as _mentions
from tocsin.extract.verdicts import Screened

#: The event types the stage screens: what alerts and counts are built on.
SCREENED_EVENTS = frozenset({"ASSAULT", "PROTEST", "COERCE", "THREATEN", "MOBILIZE"})
#: A result: "1-0", "41-22", "2-2" (not a date "2022-03", not "24-hour").
_SCORE = re.compile(r"(?<![\d-])(\d{1,3})\s?[-–]\s?(\d{1,3})(?![\d-]|\s*-?\s*(?:hour|day|year|week|month))")
_TARGET_PREPS = frozenset({"at", "on", "against", "into", "upon"})
#: Verbs whose "at" names a target ("fired at the crowd"); after any other it is the place or the
#: time ("killed at the scene", "attacked at dawn").
_AIMED = frozenset(
    {"shoot", "fire", "throw", "hurl", "aim", "lob", "launch", "swing", "lash", "strike", "point"}
)
_CAUSE_PREPS = frozenset({"of", "from", "after", "following"})
#: What is fired or thrown when firing is shooting: what was fired or thrown, never at whom.
PROJECTILES = frozenset(
    {"shot", "round", "bullet", "shell", "rocket", "missile", "mortar", "gun", "weapon", "gas",
     "teargas", "canister", "grenade", "salvo", "volley", "projectile", "arrow", "cannon", "flare",
     "pellet", "torpedo", "munition", "ammunition", "gunshot", "burst", "stone", "rock", "brick", "bottle",
     "object", "molotov", "cocktail", "firebomb", "bomb", "explosive", "acid", "egg"}
)  # fmt: skip
#: Acts that, done to oneself, are suicide or self-harm ("killed himself", "shot herself").
_SELF_HARM = frozenset({"kill", "shoot", "stab", "hang", "hurt", "harm", "injure", "wound", "burn"})
_REFLEXIVE = frozenset({"himself", "herself", "themselves", "myself", "yourself", "ourselves", "oneself"})
_TRIGGER_DEPS_OF_SUBJECT = frozenset({"nsubj", "nsubjpass", "poss", "compound"})


def document_subject(docs: Iterable[Doc]) -> str | None:
    """The domain a document is about (sport, markets, health, entertainment, politics), or ``None``
    for conflict, crime and everything else: the domain whose words are at least ``min_cues`` and
    outnumber the conflict words ``ratio`` to one."""
    s = senses()
    counts: Counter[str] = Counter()
    conflict = 0
    for doc in docs:
        for t in doc:
            if t.pos_ not in {"NOUN", "PROPN", "VERB", "ADJ"}:
                continue
            lemma = t.lemma_.lower()
            conflict += lemma in s.conflict or t.lower_ in s.conflict
            if t.pos_ not in {"NOUN", "PROPN"} and lemma not in s.domain_verbs:
                continue  # what a story is about is what its nouns name ("a show", not "it shows")
            for name, cues in s.domains.items():
                counts[name] += lemma in cues
    if not counts:
        return None
    name, n = counts.most_common(1)[0]
    if n >= s.min_cues and n >= s.ratio * max(conflict, 1):
        return name
    return None


def _objects(tok: Token) -> list[Token]:
    """What the trigger acts on: its direct object, or the object of a targeting preposition."""
    out = [c for c in tok.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in _TARGET_PREPS and (c.lower_ != "at" or _lemma(tok) in _AIMED):
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return [counted(o) for o in out]


def _modified_sense(tok: Token, s: Senses) -> str | None:
    """ "heart attack", "cardiac arrest" (medical); "shark attack" (an animal's); "a legal assault",
    "a verbal attack", "a charm offensive", "a price war" (figurative)."""
    mods = [c for c in tok.children if c.dep_ in {"compound", "amod", "nmod"}]
    hit = next((c for c in mods if _lemma(c) in s.medical_modifiers), None)
    if hit is not None:
        return f"medical sense: '{hit.text} {tok.text}'"
    hit = next((c for c in mods if _lemma(c) in s.nonhuman), None)
    if hit is not None:
        return f"an animal's: '{hit.text} {tok.text}'"
    hit = natural_strike(tok, s)
    if hit is not None:
        return f"a force of nature: '{hit.text} {tok.text}'"
    mods += [c for c in tok.children if c.dep_ in {"advmod", "oprd"}]  # "killed onscreen"
    hit = next((c for c in mods if _lemma(c) in s.figurative_modifiers), None)
    if hit is not None and _lemma(tok) in s.figurative:
        return f"figurative: '{hit.text} {tok.text}'"
    return None


def kind_of_thing(tok: Token) -> bool:
    """Whether a noun is a modifier naming a kind of thing ("riot police"): see :func:`_kind_of_thing`."""
    return tok.dep_ == "compound" and _kind_of_thing(tok, senses()) is not None


def _kind_of_thing(tok: Token, s: Senses) -> str | None:
    """A trigger noun that modifies another noun names a kind of thing ("riot police", "protest
    song", "attack helicopter"), unless what it modifies is itself an act ("strike action")."""
    head = tok.head
    if tok.dep_ != "compound" or tok.pos_ not in {"NOUN", "PROPN"} or head.pos_ not in {"NOUN", "PROPN"}:
        return None
    hyphenated = ""  # "sit-in" is three tokens: "sit", "-", "in"
    if head.i >= 2 and head.nbor(-1).text == "-":
        hyphenated = f"{head.doc[head.i - 2].lower_}-{head.lower_}"
    if _lemma(head) in s.act_heads or head.lower_ in s.act_heads or hyphenated in s.act_heads:
        return None  # "strike action", "a protest sit-in"
    if _lemma(head) in subject_heads(_lemma(tok)):
        return None  # "Ukraine violence flares": the verb, read as a noun (``subject=`` rows)
    if head.lower_.endswith("ing") and head.dep_ != "ROOT" and head.head.i > head.i:
        return None  # "staged a protest denouncing flooded streets": a participle, misread as a noun
    return f"'{tok.text} {head.text}': a kind of {head.text}, not an event"


#: Prepositions of the media words are carried on ("on Twitter", "by telephone"); texts take "in".
_PLATFORM_PREPS = frozenset({"by", "via", "through", "over", "on"})


def _channel(tok: Token, s: Senses) -> str | None:
    """An attack or a fight carried by words: "attacked the mayor on Twitter", "by telephone",
    "in a statement" (no physical force: outside ACLED's scope)."""
    if _lemma(tok) not in s.figurative:
        return None
    for c in tok.children:
        if c.dep_ != "prep":
            continue
        words = s.platforms if c.lower_ in _PLATFORM_PREPS else s.texts if c.lower_ == "in" else frozenset()
        medium = next((g for g in c.children if g.dep_ == "pobj" and _lemma(g) in words), None)
        if medium is not None:
            return f"'{tok.text} {c.text} {medium.text}': words, not force"
    return None


def _title(tok: Token) -> str | None:
    """A heading or a title ("The Family Romanov: Murder, Rebellion, and the Fall of Imperial
    Russia"): no verb, and its words capitalised; it names, it reports nothing."""
    sent = tok.sent
    if any(t.pos_ in {"VERB", "AUX"} for t in sent):
        return None
    words = [t for t in sent if t.is_alpha and not t.is_stop]
    if len(words) >= 3 and sum(t.text[:1].isupper() for t in words) >= 0.75 * len(words):
        return "a title or heading: no verb, every word capitalised"
    return None


def _located(tok: Token) -> bool:
    """Whether a word is put somewhere: a place named in a phrase on it ("in Kabul") or a name
    before it ("the Bakara market")."""
    placed = {"GPE", "LOC", "FAC"}
    for c in tok.children:
        if c.dep_ == "compound" and c.pos_ == "PROPN":
            return True
        if c.dep_ == "prep" and any(g.ent_type_ in placed for g in c.subtree):
            return True
    return False


def _deadly(sent: Span) -> bool:
    """Whether the sentence counts people killed or wounded: a number of them, or a toll."""
    doc = sent.doc
    for c in find_casualties(sent):
        if c.kind == "arrested" or c.count < 1:
            continue
        victim = doc[c.victim] if c.victim is not None else None
        if (
            c.count >= 2
            or doc[c.anchor].lemma_.lower() in {"toll", "death", "fatality", "casualty"}
            or (victim is not None and victim.like_num)
        ):
            return True
    return False


def _abstract_object(tok: Token, s: Senses) -> str | None:
    if _lemma(tok) not in s.figurative:
        return None
    # the subject, or that of the copula the trigger is the complement of ("the policy is an
    # attack on the values of the country")
    clause = tok.head if tok.dep_ == "attr" else tok
    doer = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if doer is None and tok.dep_ == "acl" and tok.tag_ == "VBG":
        doer = tok.head  # "an illness taking over the town"
    if doer is not None and _lemma(doer) in (s.abstract | s.causes) - s.conflict and not doer.ent_type_:
        return f"'{doer.text} ... {tok.text}': a {doer.text} cannot attack anyone"
    for obj in _objects(tok):
        if _lemma(obj) in s.places and (_located(obj) or _located(tok) or _deadly(tok.sent)):
            # "an attack on a market in Kabul", "the toll from the attack on the market rose to
            # 12": a marketplace, a place one can attack
            continue
        if _lemma(obj) in s.struck and any(_lemma(t) in PROJECTILES for t in tok.sent):
            continue  # "fired shell bombs at targets": what arms are aimed at
        if _lemma(obj) in s.blockable and _lemma(tok) in s.blockade:
            continue  # "blocked traffic": a flow of people stopped
        named = obj.ent_type_ in {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
        if _lemma(obj) in s.abstract | s.accident_events and not named:
            # an idea, a measure, a result; or a disaster ("doctors battling a cholera outbreak")
            return f"'{tok.text} ... {obj.text}': nothing there can be attacked"
    # "fight for freedom", "a battle against cancer": one fights *for* a cause (with no one armed
    # in the sentence), *against* an enemy unless what is fought is a condition; *over* or *about*
    # a thing that cannot be fought for with arms ("a battle over amendments"; not "over land").
    if _lemma(tok) in {"fight", "fighting", "battle", "war", "campaign", "struggle", "clash"}:
        # "clashed with police over the law": an opponent named, whatever the quarrel is about
        sides = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"with", "against"}]
        opponent = any(_lemma(g) not in s.abstract for c in sides for g in c.children if g.dep_ == "pobj")
        for c in tok.children:
            if c.dep_ != "prep" or c.lower_ not in {"for", "against", "on", "with", "over", "about"}:
                continue
            what = next((g for g in c.children if g.dep_ == "pobj"), None)
            if what is None or what.pos_ != "NOUN" or what.ent_type_:
                continue
            cause = c.lower_ == "for" and not _mentions(tok.sent, s.conflict)
            if c.lower_ in {"over", "about"}:
                if _lemma(what) in s.abstract and not opponent:
                    return f"'{tok.text} {c.text} {what.text}': a dispute over what no arms can take"
                continue
            if cause or _lemma(what) in s.abstract:
                return f"'{tok.text} {c.text} {what.text}': a cause, not an enemy"
    return None


def _meaning(tok: Token, s: Senses) -> str | None:
    """A trigger noun that is what something means ("Talib means mines and explosions", "it
    would spell war") names an idea, not an act."""
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return None
    head = tok
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head  # "mines and explosions"
    if head.dep_ in {"dobj", "obj", "attr", "oprd"} and _lemma(head.head) in s.meaning:
        return f"'{head.head.text} ... {tok.text}': what something means, not an act"
    return None


def _contest(tok: Token, s: Senses, subject: str | None) -> str | None:
    sent = tok.sent
    if subject == "sport" and _SCORE.search(sent.text):
        # a sentence with a score in a sports story tells a match, whatever words it uses ("a
        # battle of the walking wounded ... 7-6, 6-4"); an injury there is a sports injury
        return f"'{tok.text}' with a score in a sports story: a match"
    if _lemma(tok) not in s.figurative:
        return None
    if _SCORE.search(sent.text) and not _mentions(sent, s.conflict):
        return f"'{tok.text}' with a score in the sentence: a contest's result"
    electoral = s.domains.get("politics", frozenset())
    if _lemma(tok) in {
        "beat",
        "defeat",
        "rout",
        "thrash",
        "crush",
        "rally",
        "campaign",
        "fight",
        "battle",
        "race",
    }:
        near = [*tok.subtree, tok.head, *tok.head.children]
        if _mentions(near, electoral) and not _mentions(sent, s.conflict):
            return f"'{tok.text}' in an electoral contest"
    return None


def _market(tok: Token, s: Senses) -> str | None:
    if _lemma(tok) not in s.figurative:
        return None
    markets = s.domains.get("markets", frozenset())
    parts = [c for c in tok.children if c.dep_ in _TRIGGER_DEPS_OF_SUBJECT]
    if tok.dep_ in {"dobj", "pobj", "nsubj"}:
        parts.append(tok.head)
    if tok.dep_ == "dobj":  # "investors killed the rally": what did it to the trigger's noun
        parts += [c for c in tok.head.children if c.dep_ == "nsubj"]
    parts = [p for p in parts if p.pos_ in {"NOUN", "PROPN"}]  # "the dollar's advance", not "exchanged"
    hit = next((p for p in parts if _lemma(p) in markets), None)
    if hit is not None:
        return f"a market movement: '{hit.text}' and '{tok.text}'"
    return None


#: Domains in which nothing is violent or contentious unless the sentence speaks of conflict;
#: in the others (markets, health, politics) only the figurative triggers take the domain's sense.
_NOTHING_VIOLENT = frozenset({"sport", "entertainment", "cooking"})


def _subject_sense(tok: Token, subject: str | None, s: Senses) -> str | None:
    if subject is None or (_lemma(tok) not in s.figurative and subject not in _NOTHING_VIOLENT):
        return None
    if _mentions(tok.sent, s.conflict):
        return None  # "fans clashed with police after the match": conflict words in the sentence
    return f"a story about {subject}: '{tok.text}' in its {subject} sense"


def _not_protest(tok: Token, event: str, s: Senses) -> str | None:
    if event != "PROTEST":
        return None
    if _lemma(tok) in s.not_protest:
        return f"'{tok.text}' asks; a protest needs people in public"
    # "a strike" among aircraft and missiles is a military strike, not a walkout.
    military = senses().military
    words = {w for t in tok.sent for w in (_lemma(t), t.lower_, t.lower_.removesuffix("s"))}
    if _lemma(tok) == "strike" and (
        words & military or tok.head.lemma_.lower() in {"mission", "aircraft", "force"}
    ):
        return f"'{tok.text}' beside weapons: a military strike, not a walkout"
    # People demonstrate; a thing that "is demonstrated" or "demonstrates that" is shown.
    shown = any(c.dep_ in {"nsubjpass", "dobj", "ccomp"} for c in tok.children)
    # "the confidence our people have demonstrated": the noun the clause describes is its object.
    shown = shown or (
        tok.dep_ == "relcl"
        and any(c.dep_ == "nsubj" and c.lower_ not in {"who", "that", "which"} for c in tok.children)
        and not any(
            c.dep_ == "prep" and (c.lower_ in {"against", "for", "over", "about"} or not list(c.children))
            for c in tok.children
        )
    )
    if _lemma(tok) == "demonstrate" and tok.pos_ == "VERB" and shown:
        return f"'{tok.text}' means shown, not a demonstration"
    return None


def _mourning(tok: Token, event: str, s: Senses) -> str | None:
    """A vigil or a march for the victims of an accident or a disaster mourns; it presses no claim
    ("a candle-lit vigil for the victims of the crashed airplane")."""
    if event != "PROTEST":
        return None
    around = list(tok.children)
    if tok.dep_ in {"dobj", "obj"}:
        around += list(tok.head.children)  # "holding a vigil for the victims of ..."
    for c in around:
        if c.dep_ == "prep" and c.lower_ in {"for", "of"}:
            words = {_lemma(t) for t in c.subtree} | {t.lower_ for t in c.subtree}
            if "victim" in words and words & (s.accident_events | s.accident_agents | {"crashed"}):
                return f"'{tok.text} {c.text} ...': mourning the victims of an accident"
    return None


#: Verbs of arrest: the violent act someone is arrested *for* is what the charge is about.
_ARRESTS = frozenset({"arrest", "detain", "nab", "apprehend", "hold", "book"})


#: A verdict or a charge beside a verb: "found guilty of murdering", "his charge is murder".
_VERDICTS: dict[str, frozenset[tuple[str, str]]] = {
    "find": frozenset({("oprd", "guilty"), ("acomp", "guilty"), ("ccomp", "guilty")}),
    "plead": frozenset({("acomp", "guilty"), ("oprd", "guilty"), ("advmod", "guilty")}),
}
#: What a charge's subject says it is ("his charge is premeditated murder"), whatever the verb.
_CHARGES = frozenset({"charge", "count", "conviction", "verdict"})


def _legal(tok: Token, s: Senses) -> str | None:
    """A violent act that a court case or a charge is about: "accused of killing", "jailed for
    stabbing", "faces a charge of murder for allegedly killing", "arrested for killing a man"."""
    child = tok
    # Up to five steps, a list's links not counted ("convicted of ten kidnappings, one theft and
    # one assault").
    steps = 0
    for above in tok.ancestors:
        steps += child.dep_ != "conj"
        if steps > 5:
            break
        if _lemma(above) in s.legal and above.i != tok.i:
            if above.pos_ == "NOUN" and child.dep_ == "conj" and child.tag_ == "VBD":
                return None  # "armed suspects in a car shot and killed ...": the suspects did it
            return f"what '{above.text}' is about: a case before the courts, not the day's news"
        # "found guilty of murdering", "his charge is murder": the verdict or the charge beside it.
        verdict = next(
            (c for c in above.children
             if (c.dep_, _lemma(c)) in _VERDICTS.get(_lemma(above), ())
             or (c.dep_ == "nsubj" and _lemma(c) in _CHARGES)),
            None,
        )  # fmt: skip
        if verdict is not None:
            return f"what '{verdict.text}' is about: a case before the courts, not the day's news"
        if child.dep_ == "prep" and child.lower_ == "for":
            if _lemma(above) in _ARRESTS:
                return f"what '{above.text} {child.text}' is about: a charge, not the day's news"
            # "agreed to a jail term for killing": the penalty is the verb's other object
            penalty = [o for o in _objects(above) if _lemma(o) in s.legal]
            penalty += [g for c in above.children if c.dep_ == "prep" and c.lower_ == "to"
                        for g in c.children if _lemma(g) in s.legal]  # fmt: skip
            if penalty:
                return f"what '{penalty[0].text} {child.text}' is about: a case, not the day's news"
        if child.dep_ == "ccomp":
            # "prosecutors told the court the defendant shot the men": told in a courtroom
            told = [c for c in above.children if c.dep_ in {"nsubj", "dobj", "dative"}]
            told += [g for c in above.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children]
            if any(_lemma(t) in s.courtroom for t in told):
                return f"what '{above.text}' tells a court: a case, not the day's news"
        child = above
        # "would appear in court for attempted murder"
        court = [g for c in above.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        if any(_lemma(g) in {"court", "trial", "tribunal"} for g in court):
            return f"what '{above.text}' in court is about: a case, not the day's news"
    return None


def _risen_to(verb: Token) -> bool:
    """ "shot to fame", "shot to the top of the charts": "to" with anything but death."""
    to = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"]
    ends = [g for c in to for g in c.children if g.dep_ == "pobj"]
    return bool(ends) and all(_lemma(g) != "death" for g in ends)


def _at_no_one(verb: Token, s: Senses) -> bool:
    """ "fired into the air", "fired a missile into the sea", "test-fired a missile": a shot at no
    one (a target named besides, "fired at protesters and into the air", is still attacked)."""
    if any(c.lower_ == "test" and c.dep_ in {"npadvmod", "compound", "amod", "advmod"} for c in verb.lefts):
        return True  # "test-fired"
    preps = [c for c in verb.children if c.dep_ == "prep"]
    into = [g for p in preps if p.lower_ in {"into", "in"} for g in p.children if g.dep_ == "pobj"]
    preps += [c for g in into for c in g.children if c.dep_ == "prep"]  # "into the air at the crowd"
    aimed = [p for p in preps if p.lower_ in {"at", "on", "upon", "toward", "towards", "against"}
             and not any(g.ent_type_ in {"DATE", "TIME"} for g in p.children)]  # fmt: skip
    hit = [c for c in verb.children if c.dep_ in {"dobj", "obj"} and _lemma(c) not in PROJECTILES]
    return not aimed and not hit and any(_lemma(g) in s.aimless for g in into)


def _needed(verb: Token) -> bool:
    """ "It takes a village to raise a child": "it" with an infinitive, a requirement."""
    return any(c.dep_ in {"nsubj", "expl"} and c.lower_ == "it" for c in verb.children) and any(
        c.dep_ in {"xcomp", "advcl", "ccomp"} and c.tag_ == "VB" for c in verb.children
    )


def screen(tok: Token, event: str, subject: str | None) -> Screened | None:
    """The stage's verdict on a candidate of type ``event`` triggered by ``tok`` in a document
    about ``subject`` (see :func:`document_subject`); ``None``: kept as it is."""
    if event not in SCREENED_EVENTS:
        return None
    s = senses()
    accident = accident_sense(tok, event, s)
    if accident is not None:
        return Screened("drop", accident, "accident")
    checks: tuple[Callable[[], str | None], ...] = (
        lambda: _modified_sense(tok, s),
        lambda: fiction(tok, s),
        lambda: _kind_of_thing(tok, s),
        lambda: _channel(tok, s) if event != "PROTEST" else None,
        lambda: _title(tok),
        lambda: _not_protest(tok, event, s),
        lambda: _mourning(tok, event, s),
        lambda: _abstract_object(tok, s) if event != "PROTEST" else None,  # one protests against ideas
        lambda: _meaning(tok, s),
        lambda: _contest(tok, s, subject),
        lambda: _market(tok, s),
        lambda: _subject_sense(tok, subject, s),
    )
    for check in checks:  # in order, each only if none before it has decided
        reason = check()
        if reason is not None:
            return Screened("drop", reason)
    particles = {c.lower_ for c in tok.children if c.dep_ == "prt"}
    if _lemma(tok) == "shell" and "out" in particles:
        return Screened("drop", "'shell out': to pay")
    patient = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    targeted = any(c.dep_ == "prep" and c.lower_ in _TARGET_PREPS | {"upon"} for c in tok.children)
    if _lemma(tok) == "fire" and patient is not None and not targeted and _lemma(patient) not in PROJECTILES:
        # "shots were fired", "rockets were fired from Gaza": projectiles; "the coach was fired": dismissed.
        return Screened("drop", f"'{patient.text} ... {tok.text}': dismissed from a job")
    if _lemma(tok) == "take" and _needed(tok):
        return Screened("drop", "'it takes ... to': what is needed, nothing taken")
    if _lemma(tok) == "shoot" and not _objects(tok) and _risen_to(tok):
        return Screened("drop", "'shot to ...' something no one is shot to: rose fast")  # "shot to fame"
    firing = tok.head if tok.dep_ in {"dobj", "obj"} else tok  # "fired a missile into the sea"
    if _lemma(firing) in {"fire", "shoot", "launch"} and _at_no_one(firing, s):
        return Screened("coerce", f"'{tok.text}' into the air or the sea, or in a test: force at no one")
    if _lemma(tok) == "kill" and "off" in particles:
        return Screened("drop", "'kill off': a character written out, or a thing ended")
    if _lemma(tok) == "shoot" and "up" in particles and not _objects(tok):
        return Screened("drop", "'shot up' with nothing shot: rose sharply")  # "gunmen shot up a bar"
    if event == "ASSAULT":
        doers = [c for c in tok.children if c.dep_ == "nsubj"]
        doers += [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if not doers and tok.dep_ == "advcl" and tok.tag_ == "VBG":
            # "bulls stampeded through the streets, injuring three runners": the clause's subject
            doers = [c for c in tok.head.children if c.dep_ == "nsubj"]
        cameras = next((d for d in doers if _lemma(d) in s.photographers), None)
        if _lemma(tok) == "shoot" and cameras is not None:
            return Screened("drop", f"'{tok.text}' by '{cameras.text}': a photograph or a film")
        beast = next((d for d in doers if _lemma(d) in s.nonhuman), None)
        if beast is not None:
            return Screened("drop", f"'{beast.text}' is an animal: no political violence", "animal")
        hurt = _objects(tok)
        if hurt and all(_lemma(o) in s.nonhuman for o in hurt):
            return Screened("drop", f"'{tok.text} {hurt[0].text}': no person was attacked")
        if hurt and _lemma(tok) in _SELF_HARM and all(o.lower_ in _REFLEXIVE for o in hurt):
            # "was going to kill himself", "shot herself": suicide, no one else attacked (a
            # bomber who "blew himself up" is not read here: "blow" attacks those around him)
            return Screened("drop", f"'{tok.text} {hurt[0].text}': suicide or self-harm, no one attacked")
        why = _legal(tok, s)
        if why is not None:
            return Screened("background", why)
    why = habitual(tok, s)
    if why is not None:
        return Screened("background", why)
    return None


def nonhuman_victim(victim: Token | None) -> bool:
    """Whether a count is of animals or plants ("1,000 penguins died"): no casualties."""
    return victim is not None and _lemma(victim) in senses().nonhuman


def natural_death(anchor: Token) -> bool:
    """Whether a death is told with a cause that is no violence ("died of cholera", "died after a
    short illness", "died at the age of 61")."""
    s = senses()
    if _lemma(anchor) not in {"die", "death", "dead", "perish", "pass", "succumb"}:
        return False
    for c in anchor.children:
        if c.dep_ == "prep" and (c.lower_ in _CAUSE_PREPS or c.lower_ in {"at", "to"}):
            for g in c.subtree:
                if _lemma(g) in s.causes or _lemma(g) in s.accident_events:
                    return True
    return False


def political_arrest(tok: Token) -> bool:
    """Whether an arrest is one ACLED codes: its sentence says who was arrested or why in
    political terms (protesters, activists, journalists, militants; over a protest)."""
    # not a date's words: "arrested in March" names no march
    words = [t for t in tok.sent if t.ent_type_ not in {"DATE", "TIME"}]
    return _mentions(words, senses().political)


def inanimate(name: str) -> bool:
    """Whether an actor's name is a thing or a force of nature, not people ("downed trees")."""
    s = senses()
    return bool(name_heads(name) & (s.accident_agents | s.nonhuman))


def public_act(verb: Token) -> bool:
    """Whether a verb is a public collective act, the kind a demonstration is made of: gathering,
    marching, blocking, occupying ("gathered", "blocked the road", "took over the school", "set up
    a camp", "took to the streets"), not any verb ("took too long", "are set to show")."""
    s = senses()
    lemma = _lemma(verb)
    if lemma in s.assembly:
        return True
    particles = [c.lower_ for c in verb.children if c.dep_ in {"prt", "prep"}]
    return any(f"{lemma} {p}" in s.assembly_phrasal for p in particles)

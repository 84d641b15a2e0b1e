"""Who a victim turns out to be, told in a sentence of its own after the act.

"A man was shot and killed in Celaya. The victim was involved in drug trafficking." ACLED codes
violence against a member of a gang, a cartel or an armed group as a fight between armed actors,
not as violence against a civilian: the sentence that tells who the victim was is read for the
sector of what it links the victim to (the actor dictionary's sectors: "drug trafficking",
"a gang", "the cartel", "a militia"). Only a sentence whose subject refers back to the victim ("the
victim", "the man", "he") and that tells no act of its own is read, and only an armed sector counts.
"""

from __future__ import annotations

from spacy.tokens import Span

from tocsin.extract.actors import ActorDictionary
from tocsin.extract.implicatives import negated
from tocsin.extract.parties import CONTAINER_NOUNS

#: Subjects that refer back to the person an act was done to.
_REFERRING = frozenset(
    {"victim", "victims", "man", "men", "woman", "women", "he", "she", "they", "deceased", "person"}
)
#: Verbs that link a person to what they are: "was a drug dealer", "was involved in", "belonged to".
_LINKING = frozenset({"be", "involve", "link", "tie", "connect", "associate", "belong", "affiliate"})
#: Sectors of armed actors: a victim of one of these was no civilian bystander.
_ARMED = frozenset({"CRM", "REB", "UAF"})


def identified_sector(sent: Span, actors: ActorDictionary) -> str | None:
    """The armed sector a sentence assigns to the victim it refers back to, or ``None``."""
    root = sent.root
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or (subject.lemma_.lower() not in _REFERRING and subject.lower_ not in _REFERRING):
        return None
    if root.lemma_.lower() not in _LINKING or negated(root):
        return None
    # what the victim is said to be ("a drug dealer", "a member of a gang": the phrase with its
    # "of"), or else to be involved in, linked to, to belong to
    said = [c for c in root.children if c.dep_ in {"attr", "acomp"}]
    if not said:
        said = [g for c in root.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    for tok in said:
        if actors.stood_down(sent.doc[tok.left_edge.i : tok.right_edge.i + 1].text):
            continue  # "a former member of the gang": no longer armed
        # "a member of a local gang": what the member belongs to names the sector
        held = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                if g.dep_ == "pobj" and tok.lemma_.lower() in CONTAINER_NOUNS]  # fmt: skip
        for named in [tok, *held]:
            sector = actors.sector_of(sent.doc[named.left_edge.i : named.i + 1].text, guess=False)
            if sector in _ARMED:
                return sector
    return None

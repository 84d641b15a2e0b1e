"""Running the stages over many documents: load models once, batch the parsing, never stop a batch.

>>> from tocsin.pipeline import Pipeline
>>> pipe = Pipeline.from_settings(load_settings())            # doctest: +SKIP
>>> for result in pipe.run(iter_inputs(["article.txt"])):      # doctest: +SKIP
...     print(result)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from tocsin.budget import Overtime, time_budget
from tocsin.config import Settings
from tocsin.crashlog import log_exception
from tocsin.errors import InputError, one_line
from tocsin.extract.actors import actor_dictionary
from tocsin.extract.events import EventExtractor
from tocsin.extract.figures import figure_events
from tocsin.extract.gate import may_hold_event
from tocsin.extract.verdicts import Dropped
from tocsin.geo.gazetteer import Gazetteer, open_gazetteer
from tocsin.geo.resolve import PlaceResolver
from tocsin.ingest.documents import build_document, clean_text
from tocsin.ingest.items import InputItem
from tocsin.models import Document, Event, Rejection, Segment
from tocsin.narrative import DocumentClock
from tocsin.nlp.entities import name_entities
from tocsin.nlp.pipeline import build_nlp
from tocsin.nlp.stops import with_stop, without_stop
from tocsin.time import TimeExpression


@dataclass(frozen=True, slots=True)
class Coded:
    """A document that was coded, the events found in it (possibly none), and its raw input."""

    label: str
    document: Document
    events: tuple[Event, ...]
    raw: bytes = b""
    raw_format: str = "auto"
    #: Candidates the precision stage dropped or kept as background, with the reason.
    dropped: tuple[Dropped, ...] = ()


@dataclass(frozen=True, slots=True)
class Known:
    """A document the caller already has (``known`` said so): built, not parsed or coded."""

    label: str
    document: Document


@dataclass(frozen=True, slots=True)
class Parsed:
    """A document with its body paragraphs parsed by spaCy, before extraction."""

    label: str
    document: Document
    paragraphs: list[tuple[Segment, Doc]]
    raw: bytes = b""
    raw_format: str = "auto"


Result = Coded | Known | Rejection


class Pipeline:
    """Ingest → parse → extract for a stream of inputs. Build once; ``run`` as often as needed."""

    def __init__(self, *, nlp: Language, gazetteer: Gazetteer, settings: Settings) -> None:
        self.nlp = nlp
        self.gazetteer = gazetteer
        self.settings = settings
        actors = actor_dictionary()
        ruler = nlp.get_pipe("tocsin_gazetteer") if "tocsin_gazetteer" in nlp.pipe_names else None
        if ruler is not None:
            ruler.actors = actors  # type: ignore[attr-defined]
        self.extractor = EventExtractor(actors, PlaceResolver(gazetteer, actors))

    @classmethod
    def from_settings(cls, settings: Settings, *, gazetteer: Gazetteer | None = None) -> Pipeline:
        """Load the gazetteer and the spaCy model named in the settings."""
        gaz = gazetteer or open_gazetteer()
        return cls(nlp=build_nlp(settings.model, gaz), gazetteer=gaz, settings=settings)

    def document(self, item: InputItem) -> Document:
        """Build the document of one input; raises :class:`InputError` for bad input."""
        return build_document(
            item.content,
            meta=item.meta,
            fmt=item.fmt,
            max_bytes=self.settings.max_bytes,
            source_path=item.source_path,
            max_chars=self.settings.max_chars,
            max_paragraph_chars=self.settings.max_paragraph_chars,
        )

    def parse(self, documents: list[Document]) -> list[list[tuple[Segment, Doc]]]:
        """Parse the body segments of several documents in one ``nlp.pipe`` call, each that ends
        in a word with a stop after it that is cut off again (:mod:`tocsin.nlp.stops`). With the
        setting ``nlp.entities = "events"`` (the default) entities are named only in the sentences
        that may hold an event (:mod:`tocsin.extract.gate`); with ``"all"``, in every sentence."""
        jobs: list[tuple[int, Segment]] = [
            (i, seg) for i, doc in enumerate(documents) for seg in doc.body_segments()
        ]
        texts = [documents[i].text[seg.start : seg.end] for i, seg in jobs]
        docs = self._pipe([with_stop(t) for t in texts])
        parsed: list[list[tuple[Segment, Doc]]] = [[] for _ in documents]
        for (i, seg), text, spacy_doc in zip(jobs, texts, docs, strict=True):
            parsed[i].append((seg, without_stop(spacy_doc, text) or self._pipe([text])[0]))
        return parsed

    def _pipe(self, texts: list[str]) -> list[Doc]:
        size = self.settings.batch_size
        if self.settings.entities != "events" or "ner" not in self.nlp.pipe_names:
            return list(self.nlp.pipe(texts, batch_size=size))
        docs = list(self.nlp.pipe(texts, batch_size=size, disable=["ner"]))  # this call only
        name_entities(self.nlp, docs, may_hold_event, batch_size=size)
        return docs

    def run_parsed(
        self,
        items: Iterable[InputItem | Rejection],
        *,
        batch: int = 32,
        known: Callable[[Document], bool] | None = None,
        pause: Callable[[], None] | None = None,
        prefetch: Callable[[list[Document]], None] | None = None,
    ) -> Iterator[Parsed | Known | Rejection]:
        """Build and parse every input, yielding a :class:`Parsed` or a :class:`Rejection`, in order.

        Documents for which ``known`` is true (already stored) are yielded as :class:`Known`
        without parsing, so that a run resumed after an interruption skips what is done; before it
        is asked, ``prefetch`` is given each batch's documents (a store answers for all at once).
        ``pause`` is called before each batch is parsed (an ingest releases its store there, for
        readers).
        """
        iterator = iter(items)
        while True:
            chunk = list(islice(iterator, batch))
            if not chunk:
                return
            built = [item if isinstance(item, Rejection) else self._built(item) for item in chunk]
            if prefetch is not None:
                prefetch([b[1] for b in built if not isinstance(b, Rejection)])
            ready: list[tuple[InputItem, Document]] = []
            order: list[Rejection | Known | int] = []
            for one in built:
                if isinstance(one, Rejection):
                    order.append(one)
                elif known is not None and known(one[1]):
                    order.append(Known(one[0].label, one[1]))
                else:
                    order.append(len(ready))
                    ready.append(one)
            if pause is not None and ready:
                pause()
            parsed = self._parse_each_if_needed(ready)
            for entry in order:
                if not isinstance(entry, int):
                    yield entry
                    continue
                paragraphs = parsed[entry]
                if isinstance(paragraphs, Rejection):
                    yield paragraphs
                    continue
                item, doc = ready[entry]
                if isinstance(item.content, bytes):
                    raw, fmt = item.content, item.fmt
                else:
                    raw, fmt = (clean_text(item.content) or "").encode(), item.fmt or "text"
                yield Parsed(item.label, doc, paragraphs, raw, fmt)

    def _built(self, item: InputItem) -> tuple[InputItem, Document] | Rejection:
        """The document of an input, or its rejection (bad input, a reader's own failure)."""
        try:
            with time_budget(self.settings.doc_seconds):
                return item, self.document(item)
        except Overtime:
            return self._too_slow(item.label, "reading")
        except InputError as exc:
            return Rejection(item.label, exc.reason, exc.detail)
        except Exception as exc:  # a parser's own failure on hostile input: this input only
            return Rejection(item.label, "malformed", f"could not be read: {one_line(exc)}")

    def _parse_each_if_needed(
        self, ready: list[tuple[InputItem, Document]]
    ) -> list[list[tuple[Segment, Doc]] | Rejection]:
        """Parse a batch in one call, within the budget of all its documents; if that fails or
        runs over, each document alone within its own budget, so that the one that fails or is too
        slow is rejected (a failure's traceback logged) and the rest of the batch is coded."""
        seconds = self.settings.doc_seconds
        try:
            with time_budget(seconds * len(ready)):
                return list(self.parse([doc for _, doc in ready]))
        except (Exception, Overtime):
            pass
        out: list[list[tuple[Segment, Doc]] | Rejection] = []
        for item, doc in ready:
            try:
                with time_budget(seconds):
                    out.extend(self.parse([doc]))
            except Overtime:
                out.append(self._too_slow(item.label, "parsing"))
            except Exception as exc:
                out.append(_failed(item.label, "parsing", exc))
        return out

    def _too_slow(self, label: str, stage: str) -> Rejection:
        return Rejection(
            label, "too_slow",
            f"{stage} took more than the budget of {self.settings.doc_seconds:g} s per document"
            " (setting ingest.doc_seconds)",
        )  # fmt: skip

    def run(
        self,
        items: Iterable[InputItem | Rejection],
        *,
        batch: int = 32,
        known: Callable[[Document], bool] | None = None,
        pause: Callable[[], None] | None = None,
        prefetch: Callable[[list[Document]], None] | None = None,
    ) -> Iterator[Result]:
        """Code every input, yielding a :class:`Coded`, :class:`Known` or :class:`Rejection` for each."""
        for result in self.run_parsed(items, batch=batch, known=known, pause=pause, prefetch=prefetch):
            if isinstance(result, Parsed):
                try:
                    with time_budget(self.settings.doc_seconds):
                        events, dropped = self.extractor.extract_screened(result.document, result.paragraphs)
                        events = [*events, *figure_events(result.document, result.paragraphs, self.gazetteer)]
                except Overtime:
                    yield self._too_slow(result.label, "coding")
                    continue
                except Exception as exc:
                    yield _failed(result.label, "coding", exc)
                    continue
                yield Coded(
                    result.label,
                    result.document,
                    tuple(events),
                    result.raw,
                    result.raw_format,
                    tuple(dropped),
                )
            else:
                yield result

    def dates(self, parsed: Parsed) -> list[TimeExpression]:
        """Every temporal expression of a parsed document, offsets into the document text."""
        clock = DocumentClock(parsed.document.published)
        out: list[TimeExpression] = []
        for seg, doc in parsed.paragraphs:
            for sent in doc.sents:
                out.extend(clock.read(sent.text, offset=seg.start + sent.start_char))
        return out


def _failed(label: str, stage: str, exc: Exception) -> Rejection:
    """A rejection for an input that tocsin's own code failed on, its traceback in the error log."""
    where = log_exception(f"{stage} {label}", exc)
    return Rejection(label, "failed", f"{stage} failed ({one_line(exc)}); traceback in {where}")

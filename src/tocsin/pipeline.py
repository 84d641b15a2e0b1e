"""Running the stages over many documents: load models once, batch the parsing, never stop a batch.

>>> from tocsin.pipeline import Pipeline
>>> pipe = Pipeline.from_settings(load_settings())            # doctest: +SKIP
>>> for result in pipe.run(iter_inputs(["article.txt"])):      # doctest: +SKIP
...     print(result)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from tocsin.config import Settings
from tocsin.errors import InputError
from tocsin.extract.actors import actor_dictionary
from tocsin.extract.events import EventExtractor
from tocsin.geo.gazetteer import Gazetteer, open_gazetteer
from tocsin.geo.resolve import PlaceResolver
from tocsin.ingest.documents import build_document
from tocsin.ingest.readers import InputItem
from tocsin.models import Document, Event, Rejection, Segment
from tocsin.nlp.pipeline import build_nlp


@dataclass(frozen=True, slots=True)
class Coded:
    """A document that was coded, and the events found in it (possibly none)."""

    label: str
    document: Document
    events: tuple[Event, ...]


Result = Coded | Rejection


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
        )

    def code(self, documents: list[tuple[str, Document]]) -> list[Coded]:
        """Parse the body segments of several documents in one ``nlp.pipe`` call and extract."""
        jobs: list[tuple[int, Segment]] = [
            (i, seg) for i, (_, doc) in enumerate(documents) for seg in doc.body_segments()
        ]
        texts = (documents[i][1].text[seg.start : seg.end] for i, seg in jobs)
        parsed: list[list[tuple[Segment, Doc]]] = [[] for _ in documents]
        for (i, seg), spacy_doc in zip(
            jobs, self.nlp.pipe(texts, batch_size=self.settings.batch_size), strict=True
        ):
            parsed[i].append((seg, spacy_doc))
        return [
            Coded(label, doc, tuple(self.extractor.extract(doc, parsed[i])))
            for i, (label, doc) in enumerate(documents)
        ]

    def run(self, items: Iterable[InputItem | Rejection], *, batch: int = 32) -> Iterator[Result]:
        """Code every input, yielding a :class:`Coded` or a :class:`Rejection` for each, in order."""
        iterator = iter(items)
        while True:
            chunk = list(islice(iterator, batch))
            if not chunk:
                return
            ready: list[tuple[str, Document]] = []
            order: list[Result | int] = []
            for item in chunk:
                if isinstance(item, Rejection):
                    order.append(item)
                    continue
                try:
                    doc = self.document(item)
                except InputError as exc:
                    order.append(Rejection(item.label, exc.reason, exc.detail))
                    continue
                order.append(len(ready))
                ready.append((item.label, doc))
            coded = self.code(ready)
            for entry in order:
                yield coded[entry] if isinstance(entry, int) else entry

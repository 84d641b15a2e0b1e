"""The monitor's loop: every interval, poll each source that is due, ingest and fuse what is new,
then write the day's alerts and bulletin. A failing source waits out its backoff and never stops
the others; a stop request (SIGTERM, Ctrl-C) ends the loop between two documents, the store
consistent, and a restart carries on from the state file and the HTTP cache."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tocsin.crashlog import log_exception
from tocsin.errors import is_interrupt, one_line
from tocsin.ingest.documents import Metadata
from tocsin.ingest.items import InputItem
from tocsin.intake import intake
from tocsin.models import Rejection
from tocsin.monitor.poll import Poller
from tocsin.monitor.sources import Source
from tocsin.monitor.state import WatchState, utc_now
from tocsin.monitor.stop import StopRequest
from tocsin.pipeline import Pipeline
from tocsin.store.store import Store


@dataclass
class Cycle:
    """What one round of polling did."""

    polled: int = 0
    unchanged: int = 0
    failed: int = 0
    stored: int = 0
    events: int = 0
    new_alerts: list[dict[str, Any]] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.polled} sources polled ({self.unchanged} unchanged, {self.failed} failed), "
                f"{self.stored} documents stored, {self.events} events, "
                f"{len(self.new_alerts)} new alerts")  # fmt: skip


class Watcher:
    """Runs the monitor over ``sources`` into ``store``, writing alerts and bulletins to ``out``."""

    def __init__(
        self, sources: list[Source], *, store: Store, pipeline: Pipeline, poller: Poller, state: WatchState,
        out: Path, every: float, stop: StopRequest | threading.Event, say: Callable[[str], None],
    ) -> None:  # fmt: skip
        self.sources, self.store, self.pipeline, self.poller = sources, store, pipeline, poller
        self.state, self.out, self.every, self.stop, self.say = state, out, every, stop, say
        self.seen_alerts: set[str] = set()
        from tocsin.analysis.alerts import Standing  # the rules load only with the monitor

        self.standing = Standing()

    def run(self, *, once: bool = False) -> None:
        """Poll until stopped (or one round with ``once``)."""
        while not self.stop.is_set():
            cycle = self.cycle(every_source=once)
            self.say(f"tocsin: watch: {cycle.summary()}")
            if once or self.stop.is_set():
                return
            self.stop.wait(self._until_next())

    def cycle(self, now: datetime | None = None, *, every_source: bool = False) -> Cycle:
        """One round: each source that is due (or, with ``every_source``, each source) is polled."""
        now = now or utc_now()
        cycle = Cycle()
        for source in self.sources:
            if self.stop.is_set():
                break
            if not every_source and not self.state.due(source.spec, now):
                continue
            self._poll(source, now, cycle)
            self.state.save()
        if cycle.stored:
            self.store.fuse()
        self._report(now.date(), cycle)
        self.store.release()  # readers read freely until the next round
        return cycle

    def _poll(self, source: Source, now: datetime, cycle: Cycle) -> None:
        cycle.polled += 1
        polled = self.poller.poll(source, Metadata(source=None))
        stored = 0
        try:
            results = self.pipeline.run(self._until_stopped(polled.items), known=self.store.has_document,
                                        prefetch=self.store.prepare, pause=self.store.release)  # fmt: skip
            for outcome in intake(self.store, results):
                if outcome.rejection is not None and outcome.rejection not in polled.rejections:
                    self.say(f"tocsin: rejected {outcome.rejection.source}: {outcome.rejection.reason}: "
                             f"{outcome.rejection.detail}")  # fmt: skip
                if outcome.status in {"stored", "corrected"}:
                    stored += 1
                    cycle.events += outcome.events
        except Exception as exc:  # one source's failure is recorded, its traceback logged; the others go on
            if is_interrupt(exc):
                raise
            where = log_exception(f"watch {source.spec}", exc)
            polled.error = polled.error or f"failed ({one_line(exc)}); traceback in {where}"
        cycle.stored += stored
        if polled.error is not None:
            cycle.failed += 1
            delay = self.state.failed(source.spec, now, self.every, polled.error)
            self.say(f"tocsin: watch: {source.spec} failed ({polled.error}); next try in {delay:.0f} s")
        else:
            cycle.unchanged += polled.unchanged
            self.state.succeeded(source.spec, now, self.every, stored)

    def _until_stopped(self, items: Iterable[InputItem | Rejection]) -> Iterator[InputItem | Rejection]:
        for item in items:
            if self.stop.is_set():
                return
            yield item

    def _until_next(self) -> float:
        """Seconds until the next source is due (at least one, at most one interval)."""
        now = utc_now()
        waits = [
            (datetime.fromisoformat(rec.next_at) - now).total_seconds()
            for spec, rec in self.state.sources.items()
            if rec.next_at and spec in {s.spec for s in self.sources}
        ]
        return max(1.0, min([*waits, self.every]))

    def _report(self, day: date, cycle: Cycle) -> None:
        """Write the day's alerts (JSON lines) and bulletin (Markdown and JSON) to ``out``."""
        from tocsin.analysis.alerts import watch
        from tocsin.analysis.occurrences import collect
        from tocsin.report.bulletin import bulletin, load
        from tocsin.report.render import markdown

        self.out.mkdir(parents=True, exist_ok=True)
        occurrences = collect(self.store.fused_events(), self.store.imported_events())
        raised = watch(occurrences, until=day) if occurrences else []
        alerts = [a.as_dict() for a in raised]
        _write(
            self.out / f"alerts-{day}.jsonl",
            "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in alerts),
        )
        # The day's file holds every alert raised; what is said is what a replay would issue: an
        # alert that stands (a month) is not said again each cycle or each day it holds.
        for issued in self.standing.issue(day, raised):
            alert = issued.as_dict()
            if alert["id"] not in self.seen_alerts:
                self.seen_alerts.add(alert["id"])
                cycle.new_alerts.append(alert)
                self.say(f"tocsin: alert: {alert['level']} {alert['kind']}: {alert['explanation']}")
        made = bulletin(load(self.store, day), day)
        _write(self.out / f"bulletin-{day}.md", markdown(made))
        _write(
            self.out / f"bulletin-{day}.json",
            json.dumps(made, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
        )


def _write(path: Path, text: str) -> None:
    """Replace ``path`` whole, so that a reader never sees half a file."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)

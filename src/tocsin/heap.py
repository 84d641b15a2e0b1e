"""The collector's view of a coding process's heap.

A process that codes text holds long-lived objects once its models are loaded (spaCy's pipeline
and vocabulary, the gazetteer, the lexicons: some 180,000 that the collector tracks in `tocsin
ingest`) and then makes short-lived ones by the million. CPython's cyclic collector traverses
every tracked object of the generations it collects: in an ingest of 319 stories its full
collections cost 0.74-0.99 s, and 0.37 s once the loaded objects are frozen. :func:`freeze_loaded`,
called once the models are loaded, moves what is alive then into the collector's permanent
generation (:func:`gc.freeze`), where full collections no longer look; reference counting still
frees those objects as ever, only their cycles are no longer collected.
"""

from __future__ import annotations

import gc

_FROZEN = False


def freeze_loaded() -> None:
    """Once per process, after its models are loaded: what is alive now is left out of the cyclic
    collector's passes. Later calls do nothing (a second set of models loaded in the same process,
    as a test suite does, stays collectable)."""
    global _FROZEN
    if _FROZEN:
        return
    gc.collect()  # what is already garbage is freed, not frozen
    gc.freeze()
    _FROZEN = True

"""Near-duplicate documents (syndicated copies, wire stories under a new headline): MinHash + LSH.

A document's fingerprint is the MinHash (datasketch) of its body's word 5-grams; two documents
whose estimated Jaccard similarity is at least the threshold are near-duplicates.
"""

from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
#: datasketch's permutation scheme, named so that stored fingerprints stay comparable across versions.
SCHEME = "affine64"
SHINGLE = 5
THRESHOLD = 0.8
_WORD = re.compile(r"\w+", re.UNICODE)


def fingerprint(text: str) -> MinHash:
    """MinHash of the text's word 5-grams (lower-cased); fixed seed, so stable across runs."""
    words = [w.lower() for w in _WORD.findall(text)]
    shingles = {
        " ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(max(1, len(words) - SHINGLE + 1))
    }
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    m.update_batch(list(shingles))
    return m


def to_bytes(m: MinHash) -> bytes:
    """The fingerprint as bytes, for the store."""
    return bytes(np.asarray(m.hashvalues, dtype=np.uint64).tobytes())


def from_bytes(data: bytes) -> MinHash:
    """A fingerprint read back from the store."""
    return MinHash(
        num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashvalues=np.frombuffer(data, dtype=np.uint64).copy()
    )


class NearDuplicates:
    """An LSH index of document fingerprints: which stored document is this one a copy of?"""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, MinHash] = {}

    def add(self, key: str, m: MinHash) -> None:
        """Index a document's fingerprint under its id (once)."""
        if key not in self._signatures:
            self._lsh.insert(key, m)
            self._signatures[key] = m

    def replace(self, key: str, m: MinHash) -> None:
        """Index a new fingerprint under an id already indexed (a corrected document)."""
        if key in self._signatures:
            self._lsh.remove(key)
            del self._signatures[key]
        self.add(key, m)

    def original_of(self, m: MinHash, *, exclude: str | None = None) -> str | None:
        """The most similar indexed document at or above the threshold, if any (not ``exclude``)."""
        keys = [k for k in self._lsh.query(m) if k != exclude]
        if not keys:
            return None
        best: str = max(sorted(keys), key=lambda k: self._signatures[k].jaccard(m))
        return best

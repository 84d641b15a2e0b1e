"""Near-duplicate documents (syndicated copies, wire stories under a new headline): MinHash + LSH.

A document's fingerprint is the MinHash (datasketch) of its body's word 5-grams; two documents
whose estimated Jaccard similarity is at least the threshold are near-duplicates. The store keeps
the fingerprints' LSH band keys in a table (``near_bands``), so that a run looks candidates up
there instead of rebuilding an index from every stored document.
"""

from __future__ import annotations

import functools
import hashlib
import re

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
#: datasketch's permutation scheme, named so that stored fingerprints stay comparable across versions.
SCHEME = "affine64"
SHINGLE = 5
THRESHOLD = 0.8
_WORD = re.compile(r"\w+", re.UNICODE)


@functools.cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The permutation parameters of the fixed seed, drawn once (datasketch draws them anew for
    every MinHash made without them: a fifth of a fingerprint's cost)."""
    template = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    a, b = template.permutations
    return a, b


def fingerprint(text: str) -> MinHash:
    """MinHash of the text's word 5-grams (lower-cased); fixed seed, so stable across runs."""
    words = [w.lower() for w in _WORD.findall(text)]
    shingles = {
        " ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(max(1, len(words) - SHINGLE + 1))
    }
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, permutations=_permutations())
    m.update_batch(list(shingles))
    return m


def to_bytes(m: MinHash) -> bytes:
    """The fingerprint as bytes, for the store."""
    return bytes(np.asarray(m.hashvalues, dtype=np.uint64).tobytes())


def from_bytes(data: bytes) -> MinHash:
    """A fingerprint read back from the store."""
    values = np.frombuffer(data, dtype=np.uint64).copy()
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashvalues=values, permutations=_permutations())


#: LSH banding for the threshold: ``BANDS`` bands of ``ROWS`` hash values each (datasketch's
#: optimum for 0.8 with 128 permutations). Two documents sharing a band are candidates.
_BANDING = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
BANDS, ROWS = _BANDING.b, _BANDING.r


def band_keys(m: MinHash) -> list[int]:
    """One 63-bit key per band of the fingerprint, for the store's index of near-duplicates."""
    values = np.asarray(m.hashvalues, dtype=np.uint64)
    return [
        int.from_bytes(hashlib.blake2b(values[i * ROWS : (i + 1) * ROWS].tobytes(), digest_size=8).digest(),
                       "big") >> 1
        for i in range(BANDS)
    ]  # fmt: skip

"""Python ints as bitsets over document numbers: AND/OR/popcount of 100k bits take microseconds.
NumPy boolean masks of the same sets serve ranking, ordering and many-valued facet counts."""

from functools import reduce
from operator import and_, or_

import numpy as np


def ids_to_bits(ids, n):
    mask = np.zeros(n, dtype=bool)
    ids = np.asarray(ids if not hasattr(ids, "__next__") else list(ids), dtype=np.int64)
    if ids.size:
        mask[ids[ids < n]] = True
    return mask_to_bits(mask)


def mask_to_bits(mask):
    return int.from_bytes(np.packbits(mask, bitorder="little").tobytes(), "little")


def bits_to_mask(bits, n):
    data = bits.to_bytes((n >> 3) + 1, "little")
    return np.unpackbits(np.frombuffer(data, dtype=np.uint8), bitorder="little")[:n].view(bool)


def bits_to_ids(bits, limit=None):
    """Document numbers in ascending order (at most `limit`)."""
    if not bits:
        return []
    n = bits.bit_length()
    ids = np.flatnonzero(bits_to_mask(bits, n))
    if limit is not None:
        ids = ids[:limit]
    return ids.tolist()


def union(bitsets):
    return reduce(or_, bitsets, 0)


def intersection(bitsets, start):
    return reduce(and_, bitsets, start)

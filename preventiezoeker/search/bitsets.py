"""Python ints as bitsets over document numbers: AND/OR/popcount of 100k bits take microseconds."""

from functools import reduce
from operator import and_, or_


def ids_to_bits(ids, n):
    buf = bytearray((n >> 3) + 1)
    for d in ids:
        buf[d >> 3] |= 1 << (d & 7)
    return int.from_bytes(buf, "little")


def bits_to_ids(bits, limit=None):
    """Document numbers in ascending order (at most `limit`)."""
    out = []
    data = bits.to_bytes((bits.bit_length() + 7) // 8, "little")
    for i, byte in enumerate(data):
        if byte:
            base = i << 3
            for j in range(8):
                if byte >> j & 1:
                    out.append(base + j)
            if limit is not None and len(out) >= limit:
                return out[:limit]
    return out


def union(bitsets):
    return reduce(or_, bitsets, 0)


def intersection(bitsets, start):
    return reduce(and_, bitsets, start)

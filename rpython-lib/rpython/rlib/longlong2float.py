"""The bits of a float as a 64-bit integer and back, as RPython's
``rpython.rlib.longlong2float``: ``float2longlong(f)`` is the IEEE 754 encoding of ``f`` as a
signed 64-bit integer, ``longlong2float(i)`` the float with those bits (translated: a C bit
copy; untranslated: ``struct``).  RPython's helpers that store 32-bit integers in NaN payloads
and ``uint2singlefloat``/``singlefloat2uint`` (``r_singlefloat`` is not translated) are not
provided.
"""

import struct


def float2longlong(floatval):
    """The IEEE 754 bits of a float, as a signed 64-bit integer."""
    return struct.unpack("<q", struct.pack("<d", floatval))[0]


def longlong2float(llval):
    """The float whose IEEE 754 bits are this signed 64-bit integer."""
    return struct.unpack("<d", struct.pack("<q", llval))[0]

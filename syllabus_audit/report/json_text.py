"""Indented JSON text, the same bytes as ``json.dumps(obj, indent=2,
ensure_ascii=False)``, in about half the time.

With ``indent`` set, the standard library encodes in pure Python (its C
encoder only writes compact JSON), and for a scan of a few thousand
documents that was the largest part of a warm re-scan. This writes the same
layout with one recursive function, and every scalar exactly as ``json``
does (strings through ``json.encoder.encode_basestring``, its C
implementation; floats by ``float.__repr__``, with ``NaN`` and
``Infinity``). Not a library (orjson and the like format floats and
indentation differently, and the records are public output that must not
change); ``tests/report/test_json_text.py`` compares it with ``json.dumps``
on the golden records and on generated values.
"""

from __future__ import annotations

from json.encoder import encode_basestring  # the C implementation when available

_INF = float("inf")


def _float(o: float) -> str:
    if o != o:
        return "NaN"
    if o == _INF:
        return "Infinity"
    if o == -_INF:
        return "-Infinity"
    return float.__repr__(o)


def dumps_indented(obj, indent: int = 2) -> str:
    """``json.dumps(obj, indent=indent, ensure_ascii=False)``."""
    parts: list[str] = []
    append = parts.append
    enc = encode_basestring

    def key(k) -> str:
        if isinstance(k, str):
            return k
        if isinstance(k, float):
            return _float(k)
        if k is True:
            return "true"
        if k is False:
            return "false"
        if k is None:
            return "null"
        if isinstance(k, int):
            return int.__repr__(k)
        raise TypeError(f"keys must be str, int, float, bool or None, not {type(k).__name__}")

    def value(o, level: int) -> None:
        if isinstance(o, str):
            append(enc(o))
        elif o is None:
            append("null")
        elif o is True:
            append("true")
        elif o is False:
            append("false")
        elif isinstance(o, int):
            append(int.__repr__(o))
        elif isinstance(o, float):
            append(_float(o))
        elif isinstance(o, dict):
            if not o:
                append("{}")
                return
            inner = "\n" + " " * (indent * (level + 1))
            sep = "{" + inner
            for k, v in o.items():
                append(sep)
                append(enc(key(k)))
                append(": ")
                value(v, level + 1)
                sep = "," + inner
            append("\n" + " " * (indent * level) + "}")
        elif isinstance(o, (list, tuple)):
            if not o:
                append("[]")
                return
            inner = "\n" + " " * (indent * (level + 1))
            sep = "[" + inner
            for v in o:
                append(sep)
                value(v, level + 1)
                sep = "," + inner
            append("\n" + " " * (indent * level) + "]")
        else:
            raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")

    value(obj, 0)
    return "".join(parts)


def to_json(value) -> str:
    """A JSON document as every command writes it: indented, UTF-8 as is, a final newline."""
    return dumps_indented(value) + "\n"

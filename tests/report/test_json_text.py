"""report/json_text.py writes exactly what json.dumps(indent=2, ensure_ascii=False) writes."""

from __future__ import annotations

import json
import random

import pytest

from syllabus_audit.report.json_text import dumps_indented
from tests.conftest import REPO


def _same(value) -> None:
    assert dumps_indented(value) == json.dumps(value, indent=2, ensure_ascii=False)


@pytest.mark.parametrize("path", sorted((REPO / "tests" / "golden").glob("*.json")), ids=lambda p: p.name)
def test_golden_records_are_written_byte_for_byte(path):
    _same(json.loads(path.read_text(encoding="utf-8")))


def test_every_kind_of_scalar_and_container():
    _same({"s": "é ü \n \t \" \\ \u2028 \x00 😀", "i": [0, -1, 10 ** 30, True, False, None],
           "f": [0.0, -0.0, 0.1, 1e16, 1.5e-7, 123456789.123, float("nan"), float("inf"), float("-inf")],
           "empty": [{}, [], (), ""], "tuple": (1, (2, 3)), 1: "int key", 2.5: "float key", None: 1, True: 2})
    _same([])
    _same("just a string")


def test_generated_values():
    rng = random.Random(13)
    alphabet = "ab é\n\"\\\x01😀"

    def value(depth: int):
        kind = rng.randrange(9 if depth < 4 else 6)
        if kind == 0:
            return "".join(rng.choice(alphabet) for _ in range(rng.randrange(6)))
        if kind == 1:
            return rng.randrange(-10 ** 6, 10 ** 6)
        if kind == 2:
            return rng.choice([rng.random(), rng.uniform(-1e20, 1e20), 0.5, -0.0])
        if kind == 3:
            return rng.choice([True, False, None])
        if kind in (4, 5):
            return round(rng.random(), rng.randrange(6))
        if kind == 6:
            return [value(depth + 1) for _ in range(rng.randrange(4))]
        if kind == 7:
            return tuple(value(depth + 1) for _ in range(rng.randrange(3)))
        return {str(value(depth + 1)) if rng.random() < 0.8 else rng.randrange(9): value(depth + 1)
                for _ in range(rng.randrange(4))}

    for _ in range(300):
        _same(value(0))


def test_values_json_cannot_write_are_refused_as_json_refuses_them():
    for bad in ({"x": object()}, [{1, 2}], {(1, 2): "tuple key"}):
        with pytest.raises(TypeError):
            json.dumps(bad, indent=2)
        with pytest.raises(TypeError):
            dumps_indented(bad)

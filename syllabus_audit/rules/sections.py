"""Sections and evidence levels.

A passage's *section kind* comes from the nearest heading above it (rules in
``lexicons/sections.yaml``); a hit's *evidence level* follows from its section:
``taught`` (learning outcomes, content, schedule), ``assessed`` (assessment,
rubrics), ``mentioned`` (readings; weak framework anchors) or ``boilerplate``
(policies: listed, but never makes a document "mention" relationship skills).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from ..errors import LexiconError

SECTION_KINDS = ("learning_outcomes", "content", "assessment", "readings", "policies", "other")
BOILERPLATE_SECTION = "policies"  # hits here are boilerplate: listed, never counted
LEVELS = ("boilerplate", "mentioned", "taught", "assessed")  # weakest first
COUNTING_LEVELS = ("mentioned", "taught", "assessed")


@dataclass(frozen=True)
class SectionRules:
    kinds: tuple[tuple[str, str, tuple[re.Pattern, ...]], ...]  # (kind, level, patterns)
    taught_frames: tuple[re.Pattern, ...]
    version: str
    leading: tuple[tuple[str, tuple[re.Pattern, ...]], ...] = ()

    def leading_kind(self, text: str) -> str | None:
        """The section kind a paragraph announces by starting with heading words,
        if any. A run-in heading starts with a capital: a paragraph that starts in
        lower case ("policy change." left over from a table cell) announces nothing."""
        if not text.lstrip()[:1].isupper():
            return None
        head = text[:80].lower()
        for kind, patterns in self.leading:
            if any(p.match(head) for p in patterns):
                return kind
        return None

    def kind_of(self, heading: str) -> str:
        """Section kind of a heading's text ("other" when nothing matches)."""
        text = heading.lower()
        for kind, _, patterns in self.kinds:
            if any(p.search(text) for p in patterns):
                return kind
        return "other"

    def level(self, section_kind: str, passage_text: str, strength: str) -> str:
        """Evidence level of a counted hit."""
        if section_kind == BOILERPLATE_SECTION:
            return "boilerplate"
        if strength == "weak":
            return "mentioned"
        for kind, level, _ in self.kinds:
            if kind == section_kind:
                return level
        if any(p.search(passage_text.lower()) for p in self.taught_frames):
            return "taught"
        return "mentioned"


def _compile(src: str, where: str, items) -> tuple[re.Pattern, ...]:
    out = []
    for i, pattern in enumerate(items or []):
        try:
            out.append(re.compile(pattern))
        except (re.error, TypeError) as exc:
            raise LexiconError(f"{src}: {where}[{i}]: bad pattern {pattern!r}: {exc}") from None
    return tuple(out)


@lru_cache(maxsize=4)
def default_rules_path() -> Path:
    return Path(str(resources.files("syllabus_audit.lexicons").joinpath("sections.yaml")))


def load_section_rules(path: str | None = None) -> SectionRules:
    """The shipped section rules (or a given file), validated."""
    p = Path(path) if path else default_rules_path()
    data = yaml.safe_load(p.read_text(encoding="utf-8"))
    unknown = sorted(set(data) - {"version", "kinds", "taught_frames", "leading"})
    if unknown:
        raise LexiconError(f"{p.name}: top level: unknown key {unknown[0]!r}")
    kinds = []
    for kind, node in data["kinds"].items():
        if kind not in SECTION_KINDS:
            raise LexiconError(f"{p.name}: kinds.{kind}: not one of {', '.join(SECTION_KINDS)}")
        if node.get("level") not in LEVELS:
            raise LexiconError(f"{p.name}: kinds.{kind}.level: not one of {', '.join(LEVELS)}")
        kinds.append((kind, node["level"], _compile(p.name, f"kinds.{kind}.patterns", node.get("patterns"))))
    leading = []
    for kind, patterns in (data.get("leading") or {}).items():
        if kind not in SECTION_KINDS:
            raise LexiconError(f"{p.name}: leading.{kind}: not one of {', '.join(SECTION_KINDS)}")
        leading.append((kind, _compile(p.name, f"leading.{kind}", patterns)))
    return SectionRules(tuple(kinds), _compile(p.name, "taught_frames", data.get("taught_frames")),
                        str(data.get("version", "")), tuple(leading))

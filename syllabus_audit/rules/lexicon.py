"""Load and validate the curated lexicon (YAML, a closed vocabulary of keys).

The file is data a domain reviewer edits: categories with terms and
examples, non-counting tags, other-sense rules and context (client cues,
negation). Unknown keys are rejected with the file and the entry named.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from ..errors import LexiconError

STRENGTHS = ("strong", "ambiguous", "weak")
MATCH_MODES = ("lemma", "lower", "exact")

_TOP_KEYS = {"version", "language", "description", "categories", "tags", "other_senses", "context"}
_CATEGORY_KEYS = {"label", "description", "terms", "examples"}
_TAG_KEYS = {"label", "description", "terms"}
_TERM_KEYS = {"term", "strength", "match", "note"}
_EXAMPLE_KEYS = {"positive", "negative"}
_SENSE_KEYS = {"description", "phrases", "cues", "applies_to", "window"}
_CONTEXT_KEYS = {"client_cues", "model_cues", "negation"}
_NEGATION_KEYS = {"before", "window", "phrases", "pseudo"}

DEFAULT_LEXICON = "relationship_skills.yaml"


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    strength: str = "strong"
    match: str = "lemma"


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    label: str
    description: str
    terms: tuple[Term, ...]
    positive_examples: tuple[str, ...] = ()
    negative_examples: tuple[str, ...] = ()
    counting: bool = True


@dataclass(frozen=True, slots=True)
class OtherSense:
    """A false-positive sense: phrases that, overlapping a term, veto it, and
    cue words that veto ambiguous terms (or terms containing ``applies_to``
    words) within ``window`` tokens."""

    id: str
    description: str
    phrases: tuple[str, ...]
    cues: tuple[str, ...]
    applies_to: tuple[str, ...]
    window: int


@dataclass(frozen=True, slots=True)
class Negation:
    before: tuple[str, ...]
    window: int
    phrases: tuple[str, ...]
    pseudo: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Lexicon:
    version: str
    language: str
    categories: tuple[Category, ...]  # counting categories, file order
    tags: tuple[Category, ...]  # non-counting tags
    other_senses: tuple[OtherSense, ...]
    client_cues: tuple[str, ...]
    negation: Negation
    sha256: str
    source: str
    # Words that let the classifier judge a passage without licensing anything
    # themselves (a passage needs a term, tag, client cue or one of these).
    model_cues: tuple[str, ...] = ()

    @property
    def category_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.categories)


@lru_cache(maxsize=32)
def content_digest(lexicon: Lexicon) -> str:
    """A digest of everything a ``Lexicon`` holds, field by field (whatever
    fields it has: a new field changes the digest without a change here).
    Build-once artefacts derived from a lexicon are keyed by it, so an edited
    lexicon (or one changed in code) never reuses another's tables."""
    # The dataclass repr lists every field recursively (strings, numbers,
    # tuples: deterministic) and is ~10x faster than dataclasses.asdict.
    return hashlib.sha256(repr(lexicon).encode("utf-8")).hexdigest()


def default_lexicon_path() -> Path:
    """Path of the lexicon shipped inside the package."""
    return Path(str(resources.files("syllabus_audit.lexicons").joinpath(DEFAULT_LEXICON)))


def lexicon_for_language(lang: str) -> Path | None:
    """Path of the shipped lexicon for ``lang`` (ISO 639-1: "en", "de", "hr", "sv"),
    or None when none is shipped. English is ``relationship_skills.yaml``;
    another language ``relationship_skills_<lang>.yaml``."""
    if not lang or not lang.isalpha():
        return None
    lang = lang.lower()
    name = DEFAULT_LEXICON if lang == "en" else f"relationship_skills_{lang}.yaml"
    path = Path(str(resources.files("syllabus_audit.lexicons").joinpath(name)))
    return path if path.is_file() else None


def shipped_languages() -> tuple[str, ...]:
    """Languages with a shipped lexicon, sorted ("de", "en", "hr", "sv")."""
    folder = Path(str(resources.files("syllabus_audit.lexicons")))
    langs = {"en"} if (folder / DEFAULT_LEXICON).is_file() else set()
    for path in folder.glob("relationship_skills_*.yaml"):
        code = path.stem.removeprefix("relationship_skills_")
        if code.isalpha():
            langs.add(code)
    return tuple(sorted(langs))


@lru_cache(maxsize=1)
def shipped_category_ids() -> tuple[str, ...]:
    """The shipped (default) lexicon's category ids."""
    return load_lexicon().category_ids


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Read, validate and return a lexicon (the shipped one by default)."""
    path = Path(path) if path is not None else default_lexicon_path()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read lexicon: {exc.strerror or exc}") from None
    try:
        data = _yaml(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise LexiconError(f"{path}:{where} invalid YAML: {getattr(exc, 'problem', exc)}") from None
    return _parse(data, path.name, hashlib.sha256(raw).hexdigest())


def _yaml(raw: bytes):
    """``yaml.safe_load`` through libyaml when PyYAML has it (the same data,
    10x faster: about 0.3 s per lexicon otherwise, at every start). A file
    libyaml rejects is parsed again by the pure-Python loader, so the error
    message stays the one users know."""
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is not None:
        try:
            return yaml.load(raw, Loader=loader)  # noqa: S506 - CSafeLoader is the safe loader
        except yaml.YAMLError:
            pass
    return yaml.safe_load(raw)


def _fail(src: str, where: str, msg: str) -> LexiconError:
    return LexiconError(f"{src}: {where}: {msg}")


def _check_keys(src: str, where: str, node, allowed: set[str], required: set[str] = frozenset()):
    if not isinstance(node, dict):
        raise _fail(src, where, f"expected a mapping, got {type(node).__name__}")
    unknown = sorted(set(node) - allowed)
    if unknown:
        raise _fail(src, where, f"unknown key {unknown[0]!r} (allowed: {', '.join(sorted(allowed))})")
    missing = sorted(required - set(node))
    if missing:
        raise _fail(src, where, f"missing key {missing[0]!r}")


def _strings(src: str, where: str, node) -> tuple[str, ...]:
    if node is None:
        return ()
    if not isinstance(node, list):
        raise _fail(src, where, f"expected a list of strings, got {type(node).__name__}")
    for i, x in enumerate(node):
        if not isinstance(x, str) or not x.strip():
            hint = " (quote it: YAML reads bare yes/no/on/off as booleans)" if isinstance(x, bool) else ""
            raise _fail(src, f"{where}[{i}]", f"expected a non-empty string, got {x!r}{hint}")
    return tuple(x.strip() for x in node)


def _parse_term(src: str, where: str, node) -> Term:
    if isinstance(node, str) and node.strip():
        return Term(node.strip())
    _check_keys(src, where, node, _TERM_KEYS, {"term"})
    text = node["term"]
    if not isinstance(text, str) or not text.strip():
        raise _fail(src, where, "'term' must be a non-empty string")
    strength = node.get("strength", "strong")
    if strength not in STRENGTHS:
        raise _fail(src, where, f"strength {strength!r} is not one of {', '.join(STRENGTHS)}")
    match = node.get("match", "lemma")
    if match not in MATCH_MODES:
        raise _fail(src, where, f"match {match!r} is not one of {', '.join(MATCH_MODES)}")
    return Term(text.strip(), strength, match)


def _check_unique_terms(src: str, where: str, terms: tuple[Term, ...]) -> None:
    """A term listed twice in one category is an editing slip (the second one
    may carry another strength that silently loses)."""
    seen: dict[tuple[str, str], int] = {}
    for i, term in enumerate(terms):
        key = (term.text if term.match == "exact" else term.text.lower(), term.match)
        if key in seen:
            raise _fail(src, f"{where}.terms[{i}]", f"term {term.text!r} is already listed as terms[{seen[key]}]")
        seen[key] = i


def _parse_category(src: str, cid: str, node, counting: bool) -> Category:
    kind = "categories" if counting else "tags"
    where = f"{kind}.{cid}"
    _check_keys(src, where, node, _CATEGORY_KEYS if counting else _TAG_KEYS, {"terms"})
    terms = node["terms"]
    if not isinstance(terms, list) or not terms:
        raise _fail(src, f"{where}.terms", "expected a non-empty list")
    parsed = tuple(_parse_term(src, f"{where}.terms[{i}]", t) for i, t in enumerate(terms))
    _check_unique_terms(src, where, parsed)
    examples = node.get("examples") or {}
    _check_keys(src, f"{where}.examples", examples, _EXAMPLE_KEYS)
    return Category(
        id=cid,
        label=str(node.get("label", cid)),
        description=str(node.get("description", "")),
        terms=parsed,
        positive_examples=_strings(src, f"{where}.examples.positive", examples.get("positive")),
        negative_examples=_strings(src, f"{where}.examples.negative", examples.get("negative")),
        counting=counting,
    )


def _parse_sense(src: str, sid: str, node) -> OtherSense:
    where = f"other_senses.{sid}"
    _check_keys(src, where, node, _SENSE_KEYS)
    window = node.get("window", 0)
    if not isinstance(window, int) or window < 0:
        raise _fail(src, f"{where}.window", "expected a whole number >= 0 (0 = whole passage)")
    sense = OtherSense(
        id=sid,
        description=str(node.get("description", "")),
        phrases=_strings(src, f"{where}.phrases", node.get("phrases")),
        cues=_strings(src, f"{where}.cues", node.get("cues")),
        applies_to=_strings(src, f"{where}.applies_to", node.get("applies_to")),
        window=window,
    )
    if not sense.phrases and not sense.cues:
        raise _fail(src, where, "needs 'phrases' or 'cues'")
    return sense


def _parse(data, src: str, sha: str) -> Lexicon:
    _check_keys(src, "top level", data, _TOP_KEYS, {"version", "categories", "context"})
    cats = data["categories"]
    _check_keys(src, "categories", cats, set(cats or {}))
    if not cats:
        raise _fail(src, "categories", "at least one category is required")
    tags = data.get("tags") or {}
    _check_keys(src, "tags", tags, set(tags))
    dup = sorted(set(cats) & set(tags))
    if dup:
        raise _fail(src, f"tags.{dup[0]}", "id is also a category")
    senses = data.get("other_senses") or {}
    _check_keys(src, "other_senses", senses, set(senses))
    context = data["context"]
    _check_keys(src, "context", context, _CONTEXT_KEYS, {"client_cues", "negation"})
    neg = context["negation"]
    _check_keys(src, "context.negation", neg, _NEGATION_KEYS, {"before"})
    return Lexicon(
        version=str(data["version"]),
        language=str(data.get("language", "en")),
        categories=tuple(_parse_category(src, k, v, True) for k, v in cats.items()),
        tags=tuple(_parse_category(src, k, v, False) for k, v in tags.items()),
        other_senses=tuple(_parse_sense(src, k, v) for k, v in senses.items()),
        client_cues=_strings(src, "context.client_cues", context["client_cues"]),
        model_cues=_strings(src, "context.model_cues", context.get("model_cues")),
        negation=Negation(
            before=_strings(src, "context.negation.before", neg.get("before")),
            window=int(neg.get("window", 4)),
            phrases=_strings(src, "context.negation.phrases", neg.get("phrases")),
            pseudo=_strings(src, "context.negation.pseudo", neg.get("pseudo")),
        ),
        sha256=sha,
        source=src,
    )

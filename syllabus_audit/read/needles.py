"""Necessary substrings of a regular expression: a cheap gate before a search.

``needles(pattern)`` returns a set of strings such that every match of the
pattern contains one of them (or None when no such set can be read off the
pattern). ``"x" in text`` runs at memchr speed, so testing a handful of
needles costs a fraction of letting ``re`` try an alternation of words at
every position of a long text; when no needle occurs the pattern cannot
match, and the search is skipped. The answer is the same either way: the
gate only ever skips searches that would find nothing.

Written here rather than taken from a library: the standard library's own
parser (``re._parser``) gives the pattern's structure, and the few rules
below (literals, alternations, groups, repeats) are all it takes; no
maintained package offers "required literals of a Python regex".
"""

from __future__ import annotations

try:  # Python 3.11+
    from re import _constants as C
    from re import _parser as parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as parser  # type: ignore[no-redef]

MAX_ALTERNATIVES = 64  # exact-string sets larger than this are not expanded


def needles(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Strings of which every match of ``pattern`` contains at least one; None
    when the pattern gives no such set (or is case-insensitive)."""
    if flags & C.SRE_FLAG_IGNORECASE:
        return None
    parsed = parser.parse(pattern, flags)
    if parsed.state.flags & C.SRE_FLAG_IGNORECASE:  # an inline (?i)
        return None
    found = _sequence_needles(list(parsed))
    if not found:
        return None
    # a needle that contains another adds nothing ("grading scale" holds "grading")
    return frozenset(n for n in found if not any(m != n and m in n for m in found))


def _exact(item) -> set[str] | None:
    """The finite set of strings ``item`` matches exactly, if it is one."""
    op, av = item
    if op is C.LITERAL:
        return {chr(av)}
    if op is C.AT:  # \b, ^, $: zero width, joins the literals around it
        return {""}
    if op is C.SUBPATTERN:
        return _exact_sequence(list(av[-1]))
    if op is C.BRANCH:
        return _union(av[1], _exact_sequence, MAX_ALTERNATIVES)
    return None


def _union(branches, of, most: int | None = None) -> set[str] | None:
    """The union of ``of(branch)`` over an alternation's branches; None when
    any branch gives None (or the union grows past ``most``)."""
    out: set[str] = set()
    for branch in branches:
        found = of(list(branch))
        if found is None:
            return None
        out |= found
        if most is not None and len(out) > most:
            return None
    return out


def _exact_sequence(items) -> set[str] | None:
    out = {""}
    for item in items:
        strings = _exact(item)
        if strings is None:
            return None
        out = {a + b for a in out for b in strings}
        if len(out) > MAX_ALTERNATIVES:
            return None
    return out


def _item_needles(item) -> set[str] | None:
    op, av = item
    exact = _exact(item)
    if exact is not None:
        return exact if "" not in exact else None
    if op is C.SUBPATTERN:
        return _sequence_needles(list(av[-1]))
    if op is C.BRANCH:
        return _union(av[1], _sequence_needles)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)) and av[0] >= 1:
        return _sequence_needles(list(av[2]))
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _sequence_needles(list(av))
    return None


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """The more selective of two needle sets: longer shortest needle, then fewer needles."""
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b, key=lambda s: (-min(map(len, s)), len(s), sorted(s)))


def _sequence_needles(items) -> set[str] | None:
    """Runs of consecutive exact items are joined into whole strings (``w`` +
    ``eek|k`` gives ``week|wk``); the best set of any run or item is kept."""
    best: set[str] | None = None
    run: set[str] = {""}
    for item in items:
        strings = _exact(item)
        if strings is not None:
            joined = {a + b for a in run for b in strings}
            if len(joined) <= MAX_ALTERNATIVES:
                run = joined
                continue
        if "" not in run:
            best = _better(best, run)
        run = {""} if strings is None else strings
        best = _better(best, _item_needles(item))
    if "" not in run:
        best = _better(best, run)
    return best


def may_match(gate: frozenset[str] | None, text: str) -> bool:
    """False only when the pattern behind ``gate`` cannot match in ``text``."""
    return gate is None or any(n in text for n in gate)

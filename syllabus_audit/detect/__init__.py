"""Detection: passages -> hits (lexicon matches with a status and a rule)."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language

from ..lexicon import Lexicon
from ..segment import Segment
from ..types import Hit
from .context import ContextRules
from .matcher import CLIENT, TAG, TERM, LexiconMatcher


class Detector:
    """Holds the compiled lexicon; build once per process, reuse per document."""

    def __init__(self, lexicon: Lexicon, nlp: Language):
        self.lexicon = lexicon
        self.nlp = nlp
        self.matcher = LexiconMatcher(lexicon, nlp)
        self.rules = ContextRules(lexicon, nlp)
        self._strength = {}

    def detect(self, segments: Iterable[Segment]) -> list[Hit]:
        """Hits for a stream of segments (one document), in reading order."""
        hits: list[Hit] = []
        cache: dict[int, tuple] = {}
        for seg in segments:
            doc = seg.span.doc
            if id(doc) not in cache:  # match each block once
                cache.clear()
                cache[id(doc)] = (doc, self.matcher(doc))
            _, matches = cache[id(doc)]
            inside = [m for m in matches if seg.span.start <= m.start and m.end <= seg.span.end]
            if not any(m.family in (TERM, TAG) for m in inside):
                continue
            section_client = seg.heading is not None and any(
                m.family == CLIENT for m in self.matcher(seg.heading.as_doc()))
            for d in self.rules.decide(doc, inside, section_client):
                hits.append(self._hit(seg, d))
        return hits

    def _hit(self, seg: Segment, decision) -> Hit:
        m = decision.match
        doc = seg.span.doc
        offset = seg.span.start_char
        start = doc[m.start].idx - offset
        end = doc[m.end - 1].idx + len(doc[m.end - 1].text) - offset
        info = m.info
        return Hit(
            category=info.category if info else m.key,
            term=info.term.text if info else m.key,
            matched=doc[m.start:m.end].text,
            passage=seg.passage,
            start=start,
            end=end,
            status=decision.status,
            rule=decision.rule,
            strength=info.term.strength if info else "strong",
        )

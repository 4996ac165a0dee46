"""Detection: passages -> hits (lexicon matches with a status and a rule)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.language import Language

from ..rules.lexicon import Lexicon
from ..text.segment import Segment
from ..types import Hit, Passage
from .context import ContextRules, course_name_spans, looks_like_name, looks_like_title, taught_elsewhere
from .matcher import CLIENT, CUE_FAMILIES, TAG, TERM, LexiconMatcher


class Detector:
    """Holds the compiled lexicon; build once per process, reuse per document."""

    def __init__(self, lexicon: Lexicon, nlp: Language):
        self.lexicon = lexicon
        self.nlp = nlp
        self.matcher = LexiconMatcher(lexicon, nlp)
        self.rules = ContextRules(lexicon, nlp)
        # Title Case marks a title only in English (German capitalises every noun).
        self._titles = lexicon.language == "en"

    def detect_passages(self, segments: Iterable[Segment]) -> list[tuple[Passage, list[Hit]]]:
        """Every passage of a document with its lexicon hits (possibly none)."""
        out: list[tuple[Passage, list[Hit]]] = []
        block_doc, matches = None, []
        heading, heading_client = None, False
        for seg in segments:
            doc = seg.span.doc
            if doc is not block_doc:  # match each block once
                block_doc, matches = doc, self.matcher(doc)
            if seg.heading is not heading:
                heading, heading_client = seg.heading, None
            inside = [m for m in matches if seg.span.start <= m.start and m.end <= seg.span.end]
            hits = []
            if any(m.family in (TERM, TAG) for m in inside):
                if heading_client is None:
                    heading_client = heading is not None and any(
                        m.family == CLIENT for m in self.matcher(heading.span.doc))
                seg = replace(seg, passage=replace(seg.passage, cue=True))
                text = seg.passage.text
                title = (self._titles and looks_like_title(text)) or looks_like_name(text)
                names = [] if title else course_name_spans(doc, seg.span.start, seg.span.end)
                decisions = self.rules.decide(doc, inside, heading_client, title, names, taught_elsewhere(text))
                hits = [self._hit(seg, d) for d in decisions]
            elif any(m.family in CUE_FAMILIES for m in inside):
                seg = replace(seg, passage=replace(seg.passage, cue=True))
            out.append((seg.passage, hits))
        return out

    def detect(self, segments: Iterable[Segment]) -> list[Hit]:
        """All hits of a document, in reading order."""
        return [h for _, hits in self.detect_passages(segments) for h in hits]

    @staticmethod
    def _hit(seg: Segment, decision) -> Hit:
        m = decision.match
        doc = seg.span.doc
        offset = seg.span.start_char
        start = doc[m.start].idx - offset
        end = doc[m.end - 1].idx + len(doc[m.end - 1].text) - offset
        return Hit(
            category=m.info.category,
            term=m.info.term.text,
            matched=doc[m.start:m.end].text,
            passage=seg.passage,
            start=start,
            end=end,
            status=decision.status,
            rule=decision.rule,
            strength=m.info.term.strength,
        )

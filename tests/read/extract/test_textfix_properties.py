"""Property-based tests (hypothesis) for the text normaliser and the block builder in textfix.py."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from syllabus_audit.read.extract.rtf import rtf_blocks
from syllabus_audit.read.extract.textfix import (
    HYPHEN_MARK,
    clean_text,
    collapse_ws,
    decode_bytes,
    looks_like_heading,
    make_block,
    strip_bullet,
)

# Any Unicode text, with the characters that matter here made likely.
TEXT = st.text(
    st.one_of(
        st.characters(codec="utf-8"),
        st.characters(min_codepoint=0, max_codepoint=0x1F),
        st.sampled_from(["\r", "\u00ad", "\ufffe", "\ufeff", "\u200b", "\ufb01", "-", "\x02", "\xa0", " "]),
    ),
    max_size=200,
)
ALLOWED_CONTROLS = {"\t", "\n", "\f", HYPHEN_MARK}


def _controls(text: str) -> set[str]:
    return {c for c in text if unicodedata.category(c) == "Cc"}


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_clean_text_never_crashes_and_leaves_no_control_chars(text):
    out = clean_text(text)
    assert _controls(out) <= ALLOWED_CONTROLS  # HYPHEN_MARK is resolved by make_block
    assert "\r" not in out and "\ufeff" not in out and "\u200b" not in out and "\ufb01" not in out
    assert unicodedata.is_normalized("NFC", out)
    assert clean_text(out) == out  # idempotent


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT, max_size=6), st.sampled_from([" ", "\n"]))
def test_make_block_text_has_no_control_chars_and_valid_anchors(lines, sep):
    block = make_block("paragraph", [(clean_text(t), 1, i + 1) for i, t in enumerate(lines)], sep=sep)
    if block is None:
        return
    assert block.text and block.text == block.text.strip()
    assert _controls(block.text) <= {"\n", "\t", "\f"} - ({"\t"} if sep == " " else set())
    assert HYPHEN_MARK not in block.text and "\u00ad" not in block.text
    offsets = [a.offset for a in block.anchors]
    assert offsets[0] == 0 and offsets == sorted(offsets)
    assert all(0 <= o <= len(block.text) for o in offsets)
    for o in range(0, len(block.text) + 1, 7):
        assert block.locate(o).line >= 1


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_text_helpers_never_crash(text):
    collapse_ws(text)
    looks_like_heading(text)
    rest, bullet = strip_bullet(text)
    assert bullet or rest == text


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300), st.sampled_from([None, "utf-8", "cp1252", "no-such-codec"]))
def test_decode_bytes_never_crashes(data, declared):
    text, encoding = decode_bytes(data, declared)
    assert isinstance(text, str) and encoding


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_rtf_reader_never_crashes_on_arbitrary_bytes(data):
    for block in rtf_blocks(b"{\\rtf1 " + data):
        assert block.text and _controls(block.text) <= {"\n", "\t", "\f"}

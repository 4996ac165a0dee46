"""The shipped passage classifier (``passage_classifier.json`` + ``.npz``),
and the two things about it that need neither numpy nor scipy: where it is,
and its metadata (what a report shows, read without the arrays)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

MODEL_NAME = "passage_classifier.json"


def default_model_path() -> Path:
    """The shipped classifier's JSON file (its arrays are beside it, ``.npz``)."""
    return Path(str(resources.files(__name__).joinpath(MODEL_NAME)))


def model_meta(doc: dict) -> dict:
    """The metadata part of a saved model's JSON (everything but the vocabularies)."""
    return {k: v for k, v in doc.items() if k not in ("word_vocabulary", "char_vocabulary")}

"""The shipped passage classifier, loaded lazily: its metadata (all a report
needs) at once, its arrays (and scipy) on first scoring."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from ..models import default_model_path, model_meta


@lru_cache(maxsize=4)
def _model_meta(json_path: str) -> dict:
    """The model's metadata as ``PassageScorer.load`` returns it, without
    numpy, scipy or the arrays."""
    return model_meta(json.loads(Path(json_path).read_text(encoding="utf-8")))


class LazyModel:
    """Stands for ``detect.methods.load_model(path)``: ``meta`` and
    ``version`` (all a report needs) come from the JSON at once; anything else
    (``classifier``, ``thresholds``) loads the model, with numpy and scipy, on
    first use. A re-scan served from the cache never scores a passage."""

    def __init__(self, path: str | None):
        self._path = path
        self._loaded = None

    @property
    def json_path(self) -> Path:
        """The model's JSON file (its arrays are beside it, ``.npz``)."""
        return Path(self._path) if self._path else default_model_path()

    def load(self):
        if self._loaded is None:
            from ..detect.methods import load_model

            self._loaded = load_model(self._path)
        return self._loaded

    @property
    def meta(self) -> dict:
        if self._loaded is not None:
            return self._loaded.meta
        return _model_meta(str(self.json_path))

    @property
    def version(self) -> str:
        return self.meta.get("version", "")

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.load(), name)

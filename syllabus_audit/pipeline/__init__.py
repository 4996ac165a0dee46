"""The audit: extracted document -> passages -> hits -> document result -> program results.

``AuditSettings`` is importable from here (``syllabus_audit.pipeline.AuditSettings``, the
documented path).
"""

from .settings import AuditSettings

__all__ = ["AuditSettings"]

"""Renderers: an audit record (the JSON data) -> text in each output format."""

from __future__ import annotations

from .json_text import to_json


def render(fmt: str, record: dict) -> str:
    """Render an audit record in ``fmt`` (table, json, jsonl, csv, html, md)."""
    from .exports import render_documents_csv, render_jsonl
    from .table import render_table

    renderers = {"table": render_table, "json": to_json, "jsonl": render_jsonl, "csv": render_documents_csv}
    if fmt in ("html", "md"):
        from .html_page import render_html, render_markdown

        renderers.update(html=render_html, md=render_markdown)
    return renderers[fmt](record)

"""Quoting what a link asked for, safely: as literal code, so no Markdown or auto-link can form."""
from __future__ import annotations


def literal(value: str, limit: int = 40) -> str:
    shown = " ".join(value[:limit].replace("`", "'").split())
    return f"`{shown}{'…' if len(value) > limit else ''}`"

"""Remove boilerplate paragraphs ("Advertisement", app promotions, share lines).

The patterns are data (``data/boilerplate.txt``); this module only applies them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from touchline.config import DATA_DIR


@lru_cache(maxsize=1)
def boilerplate_patterns() -> tuple[re.Pattern[str], ...]:
    lines = (DATA_DIR / "boilerplate.txt").read_text(encoding="utf-8").splitlines()
    return tuple(
        re.compile(line, re.IGNORECASE) for line in lines if line.strip() and not line.startswith("#")
    )


def is_boilerplate(paragraph: str) -> bool:
    text = paragraph.strip()
    if not text:
        return False
    return any(p.fullmatch(text) for p in boilerplate_patterns())


def strip_boilerplate(body: str) -> str:
    """Drop every paragraph (block separated by blank lines, or a lone line) that is boilerplate."""
    kept: list[str] = []
    for block in re.split(r"\n\s*\n", body):
        lines = [ln for ln in block.split("\n") if not is_boilerplate(ln)]
        if lines and not is_boilerplate("\n".join(lines)):
            kept.append("\n".join(lines))
    return "\n\n".join(kept)

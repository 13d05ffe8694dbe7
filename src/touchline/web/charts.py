"""Small inline SVG charts drawn on the server: league position over a season, and role tenures over time.

Every label is escaped; the charts need no script and no external file. Coordinates are plain numbers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class PositionPoint:
    date: str
    position: int
    label: str = ""  # e.g. "v Everton (W 2-1)"


def _day(text: str | None) -> dt.date | None:
    """An ISO date, or the first day of a YYYY-MM / YYYY partial date."""
    if not text:
        return None
    parts = text.split("-")
    try:
        return dt.date(
            int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1
        )
    except (ValueError, IndexError):
        return None


def position_chart(
    points: list[PositionPoint], teams: int, title: str, width: int = 560, height: int = 220
) -> Markup:
    """League position after each match (1 at the top). ``teams`` sets the bottom of the axis."""
    if not points:
        return Markup("")
    teams = max(teams, max(p.position for p in points), 2)
    left, right, top, bottom = 36, 12, 16, 30
    plot_w, plot_h = width - left - right, height - top - bottom
    n = len(points)

    def x(i: int) -> float:
        return left + (plot_w * i / (n - 1) if n > 1 else plot_w / 2)

    def y(pos: int) -> float:
        return top + plot_h * (pos - 1) / (teams - 1)

    out = [
        f'<svg class="chart position-chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}"'
        f' role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>',
        f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" class="plot"/>',
    ]
    ticks = sorted({1, teams, *range(5, teams, 5)})
    for t in ticks:
        out.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y(t):.1f}" y2="{y(t):.1f}" class="grid"/>')
        out.append(f'<text x="{left - 6}" y="{y(t) + 4:.1f}" class="axis" text-anchor="end">{t}</text>')
    path = " ".join(f"{'M' if i == 0 else 'L'}{x(i):.1f},{y(p.position):.1f}" for i, p in enumerate(points))
    out.append(f'<path d="{path}" class="line"/>')
    for i, p in enumerate(points):
        tip = f"{p.date}: {p.position}" + (f" — {p.label}" if p.label else "")
        out.append(
            f'<circle cx="{x(i):.1f}" cy="{y(p.position):.1f}" r="4" class="dot">'
            f"<title>{escape(tip)}</title></circle>"
        )
    for i in sorted({0, n - 1}):
        anchor = "start" if i == 0 and n > 1 else "end" if n > 1 else "middle"
        out.append(
            f'<text x="{x(i):.1f}" y="{height - 8}" class="axis" text-anchor="{anchor}">'
            f"{escape(points[i].date)}</text>"
        )
    out.append("</svg>")
    return Markup("".join(out))


@dataclass(frozen=True)
class Bar:
    label: str
    start: str | None
    end: str | None
    start_known: bool
    end_known: bool
    kind: str = "role"  # CSS class suffix


def timeline_chart(bars: list[Bar], title: str, today: str | None = None, width: int = 640) -> Markup:
    """One horizontal bar per tenure on a shared date axis; unknown ends fade out (dashed outline)."""
    spans = []
    for b in bars:
        s, e = _day(b.start), _day(b.end) or _day(today) or _day(b.start)
        if s is None or e is None:
            continue
        spans.append((b, s, max(e, s)))
    if not spans:
        return Markup("")
    lo = min(s for _, s, _ in spans)
    hi = max(e for _, _, e in spans)
    total = max((hi - lo).days, 1)
    left, right, row, top = 220, 16, 26, 8
    plot_w = width - left - right
    height = top + row * len(spans) + 26

    def x(d: dt.date) -> float:
        return left + plot_w * (d - lo).days / total

    out = [
        f'<svg class="chart timeline-chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}"'
        f' role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    for i, (b, s, e) in enumerate(spans):
        yy = top + i * row
        w = max(x(e) - x(s), 4)
        cls = f"bar bar-{escape(b.kind)}" + ("" if b.start_known and b.end_known else " bar-open")
        tip = f"{b.label}: {b.start or '?'} to {b.end or 'no end reported'}"
        out.append(
            f'<text x="{left - 8}" y="{yy + 16}" class="axis" text-anchor="end">{escape(b.label)}</text>'
            f'<rect x="{x(s):.1f}" y="{yy + 4}" width="{w:.1f}" height="16" rx="3" class="{cls}">'
            f"<title>{escape(tip)}</title></rect>"
        )
    base = top + row * len(spans) + 16
    out.append(f'<text x="{left}" y="{base}" class="axis" text-anchor="start">{lo.isoformat()}</text>')
    out.append(f'<text x="{left + plot_w}" y="{base}" class="axis" text-anchor="end">{hi.isoformat()}</text>')
    out.append("</svg>")
    return Markup("".join(out))

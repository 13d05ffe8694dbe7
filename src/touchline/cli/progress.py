"""Ingest progress: a rich bar with a total and an ETA on a terminal, one plain line every N items
otherwise (logs, CI, pipes). The total is counted before the run when it can be (``count_items``)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from touchline.errors import printable
from touchline.store.loader import IngestReport


def done(r: IngestReport) -> int:
    """Items fully handled: stored, skipped (already stored or duplicate) or failed."""
    return r.stored + r.already_stored + r.duplicates + len(r.failed)


def counted_total(paths: Iterable[str | Path]) -> int | None:
    from touchline.ingest.count import count_items

    return count_items(paths)


def _detail(r: IngestReport) -> str:
    return f"read {r.read} · stored {r.stored} · skipped {r.skipped} · failed {len(r.failed)}"


@contextmanager
def rich_progress(
    total: int | None, force_terminal: bool = False
) -> Iterator[tuple[Callable[[IngestReport], None], Callable[[str, str], None]]]:
    """A progress bar: yields ``(update, problem)``; ``problem(source, text)`` prints one line above
    the bar (control characters made visible), so problems show as they are found."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    console = Console(stderr=True, force_terminal=force_terminal or None)
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[detail]}"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=False) as bar:
        task = bar.add_task("ingesting", total=total, detail="")

        def update(r: IngestReport) -> None:
            n = done(r)
            bar.update(
                task, completed=n, total=max(total, n) if total is not None else None, detail=_detail(r)
            )

        def problem(source: str, text: str) -> None:  # above the bar, never wrapped
            line = Text(f"touchline: {printable(source)}: {printable(text)}")
            bar.console.print(line, soft_wrap=True, highlight=False)

        yield update, problem
        final = bar.tasks[0].completed
        bar.update(task, description="done", total=max(final, 1), completed=max(final, 1))


class LogProgress:
    """``ingest: 300/700 items (43%) · 12.5/s · ETA 0:00:32 · read … stored …`` every ``every`` items."""

    def __init__(self, total: int | None, every: int, stream: TextIO) -> None:
        self.total = total
        self.every = every
        self.stream = stream
        self.start = time.monotonic()
        self.next_at = every

    def __call__(self, r: IngestReport) -> None:
        n = done(r)
        if n >= self.next_at:
            self._line(n, r)
            self.next_at = (n // self.every + 1) * self.every

    def finish(self, r: IngestReport) -> None:
        self._line(done(r), r, final=True)

    def _line(self, n: int, r: IngestReport, final: bool = False) -> None:
        elapsed = max(time.monotonic() - self.start, 1e-6)
        rate = n / elapsed
        parts = [f"{n}/{self.total} items ({100 * n // max(self.total, 1)}%)" if self.total else f"{n} items"]
        parts.append(f"{rate:.1f}/s")
        if final:
            parts.append(f"done in {_clock(elapsed)}")
        elif self.total and rate > 0:
            parts.append(f"ETA {_clock(max(self.total - n, 0) / rate)}")
        parts.append(_detail(r))
        print("ingest: " + " · ".join(parts), file=self.stream, flush=True)


def _clock(seconds: float) -> str:
    s = round(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"

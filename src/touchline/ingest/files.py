"""Finding and opening input files safely: folder walks that never hang and never leave the folder.

``walk(path)`` yields the regular files to read under ``path`` in a stable order, and an
``InputError`` for every entry it skips on purpose: a symbolic link leaving the folder (unless
``follow_links``), a dangling link or a link loop, a folder already visited through a link, a named
pipe, a socket or a device, an unreadable folder. A fifo is never opened: that would block forever.
Hidden entries (``.name``) and ``.json`` documents are skipped without a line.

``open_regular(path)`` opens a file without blocking and checks, on the open descriptor, that it is a
regular file (so a file swapped for a fifo between the walk and the open cannot hang the run).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from touchline.errors import InputError

SKIP_SUFFIXES = {".json"}  # gold files and other JSON documents beside articles are not articles


def mib(size: int) -> str:
    """``20971520`` → ``"20 MiB"``; ``22020096`` → ``"21 MiB"``; small sizes keep one decimal."""
    value = size / (1024 * 1024)
    return f"{value:.0f} MiB" if value >= 10 or value == int(value) else f"{value:.1f} MiB"


def too_large(size: int, limit: int) -> str:
    return f"file too large ({mib(size)}, limit {mib(limit)})"


def _kind(mode: int) -> str | None:
    """What a non-regular, non-folder entry is, for the skip line; ``None`` for files and folders."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return "not a regular file"


def _strerror(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def walk(path: Path, *, follow_links: bool = False) -> Iterator[Path | InputError]:
    """The files to read under ``path`` (a file or a folder), and one InputError per skipped entry."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            yield InputError(str(path), f"dangling symbolic link (to {os.readlink(path)})")
        else:
            yield InputError(str(path), "no such file or directory")
        return
    except OSError as exc:
        problem = "symbolic link loop" if exc.errno == errno.ELOOP else f"cannot read: {_strerror(exc)}"
        yield InputError(str(path), problem)
        return
    if not stat.S_ISDIR(st.st_mode):
        kind = _kind(st.st_mode)
        if kind:
            yield InputError(str(path), f"{kind}, not a regular file: skipped")
        else:
            yield path
        return
    root = os.path.realpath(path)
    visited = {(st.st_dev, st.st_ino)}
    yield from _walk_dir(path, root, visited, follow_links)


def _walk_dir(
    top: Path, root: str, visited: set[tuple[int, int]], follow: bool
) -> Iterator[Path | InputError]:
    """Depth first with an explicit stack (a folder nested thousands deep cannot exhaust recursion):
    a folder's files in name order, then its subfolders in name order."""
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield InputError(str(folder), f"cannot read folder: {_strerror(exc)}")
            continue
        subfolders: list[Path] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            child = Path(entry.path)
            item = _classify(entry, child, root, visited, follow)
            if item is None:
                continue
            if isinstance(item, InputError):
                yield item
            elif item == "dir":
                subfolders.append(child)
            elif child.suffix.lower() not in SKIP_SUFFIXES:
                yield child
        stack.extend(reversed(subfolders))


def _classify(
    entry: os.DirEntry[str], child: Path, root: str, visited: set[tuple[int, int]], follow: bool
) -> InputError | str | None:
    """'file', 'dir', None (skip quietly) or the InputError that says why the entry is skipped."""
    try:
        link = entry.is_symlink()
        st = entry.stat(follow_symlinks=True)
    except FileNotFoundError:
        target = os.readlink(child) if os.path.islink(child) else "?"
        return InputError(str(child), f"dangling symbolic link (to {target})")
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return InputError(str(child), "symbolic link loop")
        return InputError(str(child), f"cannot read: {_strerror(exc)}")
    kind = _kind(st.st_mode)
    if kind:
        via = f" (through a symbolic link to {os.readlink(child)})" if link else ""
        return InputError(str(child), f"{kind}{via}, not a regular file: skipped")
    if link:
        target = os.path.realpath(child)
        inside = _inside(target, root)
        if not inside and not follow:
            return InputError(
                str(child), f"symbolic link to {target}, outside the folder: skipped (use --follow-links)"
            )
        if inside and stat.S_ISDIR(st.st_mode):
            if _inside(os.path.realpath(child.parent), target):
                return InputError(str(child), f"symbolic link loop (to {target}, a folder that contains it)")
            return None  # its files are read once, at their own path
    if stat.S_ISDIR(st.st_mode):
        key = (st.st_dev, st.st_ino)
        if key in visited:
            return InputError(str(child), "folder already read (a symbolic link loop): skipped")
        visited.add(key)
        return "dir"
    return "file"


def open_regular(path: Path, limit: int) -> BinaryIO:
    """Open ``path`` for reading without blocking; InputError unless it is a regular file within
    ``limit`` bytes (``limit <= 0``: no size check)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ENOENT:
            raise InputError(str(path), "no such file or directory") from None
        if exc.errno == errno.ELOOP:
            raise InputError(str(path), "symbolic link loop") from None
        raise InputError(str(path), f"cannot open: {_strerror(exc)}") from None
    try:
        st = os.fstat(fd)
        kind = _kind(st.st_mode)
        if kind or stat.S_ISDIR(st.st_mode):
            raise InputError(str(path), f"{kind or 'a folder'}, not a regular file: skipped")
        if limit > 0 and st.st_size > limit:
            raise InputError(str(path), too_large(st.st_size, limit))
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: Path, limit: int) -> bytes:
    """The whole file (at most ``limit`` bytes: a file that grew past it is refused too)."""
    with open_regular(path, limit) as handle:
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise InputError(str(path), f"cannot read: {_strerror(exc)}") from None
    if len(data) > limit:
        raise InputError(str(path), too_large(len(data), limit))
    return data


def bounded_lines(handle: BinaryIO, limit: int) -> Iterator[bytes | int]:
    """The lines of ``handle``; a line longer than ``limit`` bytes is skipped without being held in
    memory and yielded as its length (an int) instead."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        length = len(line)
        while True:  # drop the rest of the long line in bounded chunks
            rest = handle.readline(1 << 20)
            length += len(rest)
            if not rest or rest.endswith(b"\n"):
                break
        yield length

"""Folder walks and safe opening: every skipped entry is one line saying why, a fifo is never opened,
sizes are printed in MiB, names are printed with escapes."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from touchline.errors import InputError, printable, safe_source
from touchline.ingest.decode import decode_bytes
from touchline.ingest.files import bounded_lines, mib, read_regular, too_large, walk
from touchline.ingest.readers import iter_path


def problems(path: Path, **kw: bool) -> dict[str, str]:
    return {Path(i.source).name: i.problem for i in walk(path, **kw) if isinstance(i, InputError)}


def test_each_odd_entry_is_one_line_and_files_are_listed(tmp_path: Path) -> None:
    root, outside = tmp_path / "in", tmp_path / "out"
    root.mkdir(), outside.mkdir()
    (root / "a.txt").write_text("x")
    (outside / "o.txt").write_text("x")
    os.symlink(outside / "o.txt", root / "leaves.txt")
    os.symlink(root / "nowhere", root / "dangling.txt")
    os.symlink(root / "loop.txt", root / "loop.txt")
    os.symlink(root, root / "up")
    os.symlink("/dev/null", root / "null.txt")
    os.mkfifo(root / "pipe.txt")
    found = problems(root)
    assert (
        "outside the folder" in found.pop("leaves.txt") and "--follow-links" in problems(root)["leaves.txt"]
    )
    assert found.pop("dangling.txt").startswith("dangling symbolic link")
    assert found.pop("loop.txt") == "symbolic link loop"
    assert found.pop("up").startswith("symbolic link loop")
    assert "character device" in found.pop("null.txt")
    assert "named pipe" in found.pop("pipe.txt")
    assert found == {}
    files = [p.name for p in walk(root) if isinstance(p, Path)]
    assert files == ["a.txt"]
    followed = [p.name for p in walk(root, follow_links=True) if isinstance(p, Path)]
    assert followed == ["a.txt", "leaves.txt"]


def test_a_fifo_named_directly_is_refused_without_opening_it(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "p.jsonl")
    (item,) = list(iter_path(tmp_path / "p.jsonl"))  # would block forever if it were opened
    assert isinstance(item, InputError) and "named pipe" in item.problem


def test_a_folder_nested_deeper_than_the_recursion_limit(tmp_path: Path) -> None:
    deep = tmp_path
    for _ in range(700):
        deep = deep / "d"
        deep.mkdir()
    (deep / "x.txt").write_text("x")
    assert [p.name for p in walk(tmp_path) if isinstance(p, Path)] == ["x.txt"]


def test_sizes_are_printed_in_mebibytes(tmp_path: Path) -> None:
    assert (
        mib(20 * 1024 * 1024) == "20 MiB"
        and mib(21 * 1024 * 1024 + 5) == "21 MiB"
        and mib(1536 * 1024) == "1.5 MiB"
    )
    assert too_large(22020096, 20971520) == "file too large (21 MiB, limit 20 MiB)"
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(2048)
    with pytest.raises(InputError, match=r"file too large \(0.0 MiB, limit 0.0 MiB\)|too large"):
        read_regular(big, 1024)


def test_a_long_line_is_skipped_in_bounded_memory() -> None:
    data = b"short\n" + b"x" * 10_000 + b"\n" + b"after\n" + b"tail-without-newline"
    assert list(bounded_lines(io.BufferedReader(io.BytesIO(data)), 100)) == [  # type: ignore[arg-type]
        b"short\n",
        10_001,
        b"after\n",
        b"tail-without-newline",
    ]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_text(codec: str) -> None:
    text = "Fulham beat Brentford 2-1 — Müller scored"
    data = text.encode(codec)
    if not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        data = {"utf-16-be": b"\xfe\xff", "utf-32-be": b"\x00\x00\xfe\xff"}[codec] + data
    assert decode_bytes(data, "x.txt") == text


def test_names_are_printed_with_escapes_and_stored_as_valid_text() -> None:
    name = "new\nline\x1b]0;pwned\x07\u202e" + os.fsdecode(b"\xff")
    assert printable(name) == "new\\nline\\x1b]0;pwned\\x07\\u202e\\xff"
    assert safe_source(name).encode("utf-8") and safe_source(name).endswith("\\xff")
    assert str(InputError(name, "empty file")) == "new\\nline\\x1b]0;pwned\\x07\\u202e\\xff: empty file"


def test_unreadable_entries_are_one_line_each(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulated (root reads anything): a folder that cannot be listed, a file that cannot be opened."""
    (tmp_path / "locked").mkdir()
    (tmp_path / "secret.txt").write_text("Fulham won.")
    (tmp_path / "fine.txt").write_text("Fulham won again.")
    real_scandir, real_open = os.scandir, os.open

    def scandir(path):  # type: ignore[no-untyped-def]
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    def fake_open(path, flags, *args):  # type: ignore[no-untyped-def]
        if str(path).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "open", fake_open)
    items = list(iter_path(tmp_path))
    errors = {Path(i.source).name: i.problem for i in items if isinstance(i, InputError)}
    assert errors == {
        "locked": "cannot read folder: Permission denied",
        "secret.txt": "cannot open: Permission denied",
    }
    assert [a.body for a in items if not isinstance(a, InputError)] == ["Fulham won again."]

"""A folder of hostile inputs for ingest tests: 200+ entries mixed with good articles.

``write_hostile_folder(root)`` writes the folder ``root/in`` (and ``root/outside`` for links that
leave it) and returns a manifest saying what each entry is:

* ``good``: an article that must be stored (identified by a marker word in its body);
* ``warned``: an article that must be stored *and* gets one stderr line (a JSON line whose ``title``
  is an object, say: stored without the title);
* ``bad``: an entry that must give exactly one stderr line and store nothing;
* ``slow``: pathological text (quadratic-looking patterns): stored, or reported as too complex by
  the extractor's budget; never timed in tests;
* ``quiet``: skipped by design with no line (hidden files, ``.json`` documents).

Error lines are matched by :func:`touchline.errors.printable` of the entry's path (with ``:LINE``
for a JSON Lines line). Run ``python -m touchline.testing.hostile_folder DIR`` to write one by hand.
"""

from __future__ import annotations

import json
import os
import socket
import sys
from dataclasses import dataclass, field
from pathlib import Path

CLUBS = [
    ("Fulham", "Brentford"),
    ("Everton", "Burnley"),
    ("Wolves", "Crystal Palace"),
    ("Leeds United", "Sunderland"),
    ("Norwich City", "Watford"),
    ("Aston Villa", "Brighton"),
    ("Southampton", "Ipswich Town"),
    ("Hull City", "Stoke City"),
    ("Millwall", "Preston North End"),
    ("Bristol City", "Coventry City"),
    ("Cardiff City", "Swansea City"),
    ("Derby County", "Reading"),
    ("Luton Town", "Plymouth Argyle"),
    ("Blackburn Rovers", "Middlesbrough"),
    ("Sheffield United", "Queens Park Rangers"),
    ("Portsmouth", "Oxford United"),
]
SCORERS = ["Arlo Penfold", "Bram Kestle", "Cato Whitmore", "Dax Orrell", "Emlyn Tarrant", "Fenn Oakes"]


@dataclass
class HostileFolder:
    root: Path  # the folder to ingest
    outside: Path  # a sibling folder that links point into; nothing there may be stored
    good: dict[str, str] = field(default_factory=dict)  # marker -> entry (path or path:line)
    warned: dict[str, str] = field(default_factory=dict)  # marker -> entry
    bad: list[str] = field(default_factory=list)  # entries (path or path:line)
    slow: dict[str, str] = field(default_factory=dict)  # marker -> entry
    quiet: list[str] = field(default_factory=list)

    @property
    def entries(self) -> int:
        return len(self.good) + len(self.warned) + len(self.bad) + len(self.slow) + len(self.quiet)


def good_article(n: int, marker: str) -> str:
    """An original, dated short match report; ``marker`` is a made-up word that occurs only here."""
    home, away = CLUBS[n % len(CLUBS)]
    scorer = SCORERS[n % len(SCORERS)]
    day = 1 + n % 28
    return (
        f"date 2024-03-{day:02d}\n"
        f"{home} beat {away} 2-1 on Saturday afternoon. {scorer} scored the winner in the {60 + n}th minute "
        f"after a move the crowd will call {marker}.\n\n"
        f'"We stayed patient and it paid off," said {scorer} afterwards.\n'
    )


class _Writer:
    def __init__(self, base: Path, manifest: HostileFolder) -> None:
        self.base = base
        self.m = manifest
        self.count = 0

    def marker(self) -> str:
        self.count += 1
        return f"zentrix{self.count:03d}"

    def path(self, name: str | bytes) -> Path:
        if isinstance(name, bytes):
            return Path(os.fsdecode(os.path.join(os.fsencode(self.base), name)))
        return self.base / name

    def raw(self, name: str | bytes, data: bytes, kind: str, marker: str = "") -> Path:
        p = self.path(name)
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
        self._note(str(p), kind, marker)
        return p

    def _note(self, entry: str, kind: str, marker: str = "") -> None:
        if kind == "good":
            self.m.good[marker] = entry
        elif kind == "warned":
            self.m.warned[marker] = entry
        elif kind == "slow":
            self.m.slow[marker] = entry
        elif kind == "quiet":
            self.m.quiet.append(entry)
        else:
            self.m.bad.append(entry)

    def good(self, name: str | bytes, encoding: str = "utf-8", kind: str = "good") -> None:
        mk = self.marker()
        self.raw(name, good_article(self.count, mk).encode(encoding), kind, mk)

    def jsonl(self, name: str, lines: list[tuple[bytes, str]]) -> None:
        """``lines``: (raw line bytes, kind); a kind 'good'/'warned' line's marker is read from it."""
        p = self.path(name)
        p.parent.mkdir(parents=True, exist_ok=True)
        with p.open("wb") as fh:
            for number, (line, kind) in enumerate(lines, start=1):
                fh.write(line + b"\n")
                if kind == "blank":
                    continue
                marker = ""
                if kind in ("good", "warned", "slow"):
                    marker = line.split(b"zentrix", 1)[1][:3].decode()
                    marker = "zentrix" + marker
                self._note(f"{p}:{number}", kind, marker)


def _line(obj: object) -> bytes:
    return json.dumps(obj, ensure_ascii=True).encode("ascii")


def _text_line(w: _Writer, **extra: object) -> bytes:
    mk = w.marker()
    return _line({"text": good_article(w.count, mk), **extra})


def write_hostile_folder(base: Path, *, huge: bool = True, slow: bool = True) -> HostileFolder:
    """Write the hostile folder under ``base``; ``huge=False`` leaves out the 20 MiB+ entries,
    ``slow=False`` the pathological texts (for a quick look at the readers alone)."""
    root = base / "in"
    outside = base / "outside"
    root.mkdir(parents=True)
    outside.mkdir()
    m = HostileFolder(root, outside)
    w = _Writer(root, m)
    _good_files(w)
    _jsonl_entries(w)
    _encodings(w)
    _binaries(w)
    _odd_text(w, huge)
    _html(w)
    _names(w)
    _filesystem(w, outside)
    if slow:
        _slow(w)
    return m


def _good_files(w: _Writer) -> None:
    for i in range(8):
        w.good(f"good/report_{i:02d}.txt")
    mk = w.marker()
    w.raw(
        "good/page.html",
        (
            "<!doctype html><html><head><title>Match report</title>"
            '<meta property="article:published_time" content="2024-04-02"></head><body><article>'
            + "".join(f"<p>{p}</p>" for p in good_article(w.count, mk).split("\n")[1:] if p)
            + "</article></body></html>"
        ).encode(),
        "good",
        mk,
    )
    mk = w.marker()
    w.raw("good/crlf.txt", good_article(w.count, mk).replace("\n", "\r\n").encode(), "good", mk)
    w.good("good/Latin-1 café.txt", "latin-1")
    mk = w.marker()
    w.raw("good/bom.txt", b"\xef\xbb\xbf" + good_article(w.count, mk).encode(), "good", mk)


def _jsonl_entries(w: _Writer) -> None:
    deep = b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    deep_obj = b'{"a":' * 100_000 + b"1" + b"}" * 100_000
    big_int = b'{"text": "Fulham won.", "published": ' + b"9" * 5000 + b"}"
    # one file mixing good lines with every crasher, so line numbers and "no rollback" are checked
    w.jsonl(
        "jsonl/mixed.jsonl",
        [
            (_text_line(w, published="2024-05-01"), "good"),
            (b'{"text": "Lone \\ud800 surrogate in the text."}', "bad"),
            (deep, "bad"),
            (big_int, "bad"),
            (_text_line(w, title={"an": "object"}), "warned"),
            (b"", "blank"),
            (b"{broken", "bad"),
            (_text_line(w, source="feed"), "good"),
            (deep_obj, "bad"),
            (b"\xff\xfe not utf-8 \x81", "bad"),
            (_text_line(w), "good"),
        ],
    )
    values: dict[str, bytes] = {
        "object": b'{"k": 1}',
        "list": b"[1, 2]",
        "number": b"42",
        "float": b"1.5e308",
        "bool": b"true",
        "null": b"null",
        "surrogate": b'"x\\udfff y"',
        "nan": b"NaN",
        "infinity": b"-Infinity",
        "empty": b'""',
    }
    for name, value in values.items():
        # a non-string text: the line is rejected (an empty text is rejected too)
        w.jsonl(f"jsonl/text_{name}.jsonl", [(b'{"text": ' + value + b"}", "bad")])
    for fld in ("title", "source", "published"):
        for name, value in values.items():
            # a null or empty optional field is just absent; any other non-date, non-string value warns
            kind = "good" if name in ("null", "empty") else "warned"
            mk = w.marker()
            text = json.dumps(good_article(w.count, mk)).encode()
            w.jsonl(
                f"jsonl/{fld}_{name}.jsonl",
                [(b'{"text": ' + text + b', "' + fld.encode() + b'": ' + value + b"}", kind)],
            )
    top = {
        "array": b"[1, 2, 3]",
        "string": b'"just a string"',
        "number": b"12",
        "null": b"null",
        "truncated": b'{"text": "Fulham',
        "trailing": b'{"text": "Fulham won."} extra',
        "nul_bytes": b'{"text": "Ful\x00ham"}',
        "control": b'{"text": "Ful\x01ham"}',
        "only_body_number": b'{"body": 7}',
        "no_text": b'{"title": "No text here"}',
        "deep_array": b"[" * 50_000 + b"]" * 50_000,
        "big_int_text": b'{"text": ' + b"1" * 5000 + b"}",
        "html_flag_empty": b'{"text": "<p></p>", "html": true}',
    }
    for name, line in top.items():
        kind = "bad"
        w.jsonl(f"jsonl/line_{name}.jsonl", [(line, kind)])
    mk = w.marker()
    w.jsonl(
        "jsonl/bad_date_valid_text.jsonl",
        [(_line({"text": good_article(w.count, mk), "published": "2024-13-45"}), "warned")],
    )
    w.raw("jsonl/empty.jsonl", b"", "bad")
    w.raw(
        "jsonl/utf16.jsonl",
        "\ufeff".encode("utf-16-le") + b'{"text": "x"}\n'.decode().encode("utf-16-le"),
        "bad",
    )
    w.raw("jsonl/binary.ndjson", bytes(range(256)) * 4, "bad")
    mk = w.marker()
    w.jsonl(
        "jsonl/crlf_and_bom.jsonl",
        [(b"\xef\xbb\xbf" + _line({"text": good_article(w.count, mk)}) + b"\r", "good")],
    )
    # a line far longer than the limit, then a good line: the long line is skipped without reading it whole
    w.jsonl(
        "jsonl/escapes_only.jsonl",
        [(b'{"text": "' + b"\\u0000" * 2000 + b'"}', "bad")],
    )


def _huge_jsonl(w: _Writer) -> None:
    p = w.path("jsonl/huge_line.jsonl")
    with p.open("wb") as fh:
        fh.write(b'{"text": "')
        chunk = b"Fulham won again. " * 4096
        for _ in range(21 * 1024 * 1024 // len(chunk) + 1):
            fh.write(chunk)
        fh.write(b'"}\n')
        mk = w.marker()
        fh.write(_line({"text": good_article(w.count, mk)}) + b"\n")
    w._note(f"{p}:1", "bad")
    w._note(f"{p}:2", "good", mk)


def _encodings(w: _Writer) -> None:
    w.good("enc/utf16le_bom.txt", "utf-16")  # Python's utf-16 writes a BOM
    for enc, bom in (
        ("utf-16-be", b"\xfe\xff"),
        ("utf-32-le", b"\xff\xfe\x00\x00"),
        ("utf-32-be", b"\x00\x00\xfe\xff"),
    ):
        mk = w.marker()
        w.raw(f"enc/{enc}_bom.txt", bom + good_article(w.count, mk).encode(enc), "good", mk)
    mk = w.marker()
    w.raw(
        "enc/utf16_bom.html",
        "\ufeff<!doctype html><html><head><title>t</title></head><body><article><p>".encode("utf-16-le")
        + good_article(w.count, mk).split("\n", 1)[1].encode("utf-16-le")
        + "</p></article></body></html>".encode("utf-16-le"),
        "good",
        mk,
    )
    w.good("enc/cp1252.txt", "cp1252")
    w.raw("enc/utf16_no_bom.txt", "Fulham beat Brentford 2-1.".encode("utf-16-le"), "bad")
    w.raw("enc/utf16_bom_odd_length.txt", b"\xff\xfe" + "Fulham".encode("utf-16-le") + b"\x00", "bad")
    w.raw("enc/utf16_bom_lone_surrogate.txt", b"\xff\xfe" + b"\x00\xd8A\x00" * 20, "bad")
    w.raw("enc/utf32_bom_out_of_range.txt", b"\xff\xfe\x00\x00" + b"\xff\xff\xff\x7f" * 10, "bad")
    w.raw("enc/undecodable.txt", b"Fulham \x81\x8d\x8f\x90\x9d won " * 3, "bad")
    w.raw("enc/bom_only.txt", b"\xef\xbb\xbf", "bad")
    w.raw("enc/utf16_bom_only.txt", b"\xff\xfe", "bad")
    mk = w.marker()  # not UTF-8, so read as Windows-1252: odd letters, but text
    w.raw("enc/overlong_utf8.txt", mk.encode() + b" Fulham \xc0\xaf\xe0\x80\xaf won " * 3, "good", mk)
    w.raw("enc/controls.txt", b"Fulham \x01\x02\x03\x04\x05\x06\x07\x08 won" * 20, "bad")
    w.raw("enc/shift_jis.txt", "フラム勝利 ".encode("shift_jis") * 5 + b"\x81\x8d\x8f", "bad")


def _binaries(w: _Writer) -> None:
    heads = {
        "png.png": b"\x89PNG\r\n\x1a\n",
        "pdf.txt": b"%PDF-1.7\n",
        "gzip.txt": b"\x1f\x8b\x08\x00",
        "zip.txt": b"PK\x03\x04",
        "gif.txt": b"GIF89a",
        "jpeg.txt": b"\xff\xd8\xff\xe0",
        "elf.txt": b"\x7fELF\x02\x01\x01\x00",
        "sqlite.txt": b"SQLite format 3\x00",
        "nul_text.txt": b"Fulham won\x00",
        "nul.html": b"<html>\x00</html>",
    }
    for name, head in heads.items():
        w.raw(f"binary/{name}", head + bytes(range(256)) * 8, "bad")
    for i in range(24):
        seed = bytes((i * 37 + j * 101) % 256 for j in range(4096))
        w.raw(f"binary/random_{i}.txt", seed, "bad")


def _odd_text(w: _Writer, huge: bool) -> None:
    w.raw("text/empty.txt", b"", "bad")
    w.raw("text/blank.txt", b"   \n\n \t ", "bad")
    w.raw("text/only_date.txt", b"date 2024-01-01\n", "bad")
    w.raw("text/only_ads.txt", b"date 2024-01-01 Advertisement\n\nAdvertisement", "bad")
    w.raw("text/no_suffix", b"\x00\x01", "bad")
    w.raw("text/only_newlines.md", b"\n" * 10_000, "bad")
    w.raw("text/zero_width.txt", "\u200b\u200b\u200b".encode(), "bad")
    w.raw("text/nbsp.txt", "\u00a0 \u00a0".encode(), "bad")
    w.raw("text/.hidden.txt", good_article(999, "hiddenzz").encode(), "quiet")
    w.raw("text/gold.json", b'{"not": "an article"}', "quiet")
    w.good("text/odd suffix.TXT")
    w.good("text/markdown.md")
    w.good("text/unknown.xyz")
    mk = w.marker()
    w.raw(
        "text/bidi_and_escapes.txt",
        (good_article(w.count, mk) + "\u202eevil\u202c \x1b[31mred\x1b[0m\n").encode(),
        "good",
        mk,
    )
    if huge:
        big = w.path("text/huge.txt")
        big.parent.mkdir(parents=True, exist_ok=True)
        with big.open("wb") as fh:
            fh.truncate(21 * 1024 * 1024)  # sparse: the size check comes before any read
        w._note(str(big), "bad")
        _huge_jsonl(w)


def _html(w: _Writer) -> None:
    mk = w.marker()
    body = good_article(w.count, mk).split("\n", 1)[1]
    w.raw(
        "html/deep.html",
        b"<html><body>" + b"<div>" * 100_000 + body.encode() + b"</div>" * 100_000 + b"</body></html>",
        "good",
        mk,
    )
    w.raw("html/empty.html", b"", "bad")
    w.raw("html/no_text.html", b"<html><body><div></div></body></html>", "bad")
    w.raw("html/script_only.html", b"<html><body><script>var a = 1;</script></body></html>", "bad")
    w.raw("html/binary.html", b"\x89PNG\r\n\x1a\n" + bytes(256), "bad")
    w.raw("html/comment_only.htm", b"<html><!-- nothing --></html>", "bad")
    w.raw(
        "html/billion_laughs.xhtml",
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        b"<html><body><p>&lol3; " + w.marker().encode() + b"</p></body></html>",
        "good",  # stored with the entity unexpanded
        f"zentrix{w.count:03d}",
    )
    mk = w.marker()
    text = good_article(w.count, mk).split("\n", 1)[1]
    w.raw(
        "html/unclosed.html",
        b"<html><body><p>" + text.encode() + b"<p><b><i><table><tr><td>",
        "good",
        mk,
    )
    mk = w.marker()
    text = good_article(w.count, mk).split("\n", 1)[1]
    w.raw(
        "html/huge_attribute.html",
        b'<html><body><p title="' + b"x" * 200_000 + b'">' + text.encode() + b"</p></body></html>",
        "good",
        mk,
    )
    w.raw("html/entities_only.html", b"<html><body><p>&nbsp;&#8203;&zwnj;</p></body></html>", "bad")


def _names(w: _Writer) -> None:
    names: list[str | bytes] = [
        "names/new\nline.txt",
        "names/esc\x1b[31mred\x1b[0m.txt",
        "names/osc\x1b]0;pwned\x07.txt",
        "names/bell\x07.txt",
        "names/tab\tand\rcr.txt",
        "names/rtl\u202etxt.exe",
        "names/-dash.txt",
        "names/ spaces .txt",
        "names/" + "L" * 240 + ".txt",
        b"names/latin1_\xe9t\xe9.txt",
        b"names/bad_utf8_\xff\xfe.txt",
        b"names/esc_and_bad_\x1b]2;x\x07\xff.txt",
    ]
    for name in names:
        w.good(name)
    w.jsonl("names/line\nbreak.jsonl", [(b"{broken", "bad")])
    w.raw(b"names/undecodable_\xff.txt", b"", "bad")  # empty file with a bad name: the error names it
    w.raw("names/osc_empty\x1b]0;pwned\x07.txt", b"", "bad")  # an OSC sequence in a name that is printed


def _filesystem(w: _Writer, outside: Path) -> None:
    root = w.base
    fs = root / "fs"
    fs.mkdir()
    (outside / "secret.txt").write_text(good_article(500, "outsidezz"), encoding="utf-8")
    (outside / "sub").mkdir()
    (outside / "sub" / "more.txt").write_text(good_article(501, "outsidezy"), encoding="utf-8")

    def link(name: str, target: str | Path, kind: str) -> None:
        p = fs / name
        os.symlink(target, p)
        w._note(str(p), kind)

    link("to_outside_file.txt", outside / "secret.txt", "bad")
    link("to_outside_dir", outside / "sub", "bad")
    link("relative_escape.txt", "../../outside/secret.txt", "bad")
    link("dangling.txt", fs / "nowhere.txt", "bad")
    link("self_loop.txt", fs / "self_loop.txt", "bad")
    link("loop_a.txt", fs / "loop_b.txt", "bad")
    link("loop_b.txt", fs / "loop_a.txt", "bad")
    link("dev_null.txt", "/dev/null", "bad")
    link("dev_zero.txt", "/dev/zero", "bad")
    link("dev_urandom", "/dev/urandom", "bad")
    link("to_root", "/", "bad")
    # a link to a file inside the folder is a duplicate of it (read twice, stored once): no line
    mk = w.marker()
    (fs / "target.txt").write_text(good_article(w.count, mk), encoding="utf-8")
    w._note(str(fs / "target.txt"), "good", mk)
    os.symlink(fs / "target.txt", fs / "inside_link.txt")
    w.m.quiet.append(str(fs / "inside_link.txt"))
    # a link to a folder above it inside the tree: a loop, one line
    (fs / "nest").mkdir()
    link("nest/up_loop", fs, "bad")
    os.mkfifo(fs / "fifo.txt")
    w._note(str(fs / "fifo.txt"), "bad")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.bind(str(fs / "socket.txt"))
        w._note(str(fs / "socket.txt"), "bad")
    except OSError:  # pragma: no cover - path too long for AF_UNIX
        pass
    finally:
        sock.close()
    unreadable = fs / "unreadable.txt"
    unreadable.write_text(good_article(w.count + 1, "unreadzz"), encoding="utf-8")
    locked = fs / "locked_dir"
    locked.mkdir()
    (locked / "inner.txt").write_text(good_article(w.count + 2, "lockedzz"), encoding="utf-8")
    if os.geteuid() != 0:  # root reads anything: then they are ordinary good articles
        unreadable.chmod(0)
        locked.chmod(0)
        w._note(str(unreadable), "bad")
        w._note(str(locked), "bad")
    else:
        w._note(str(unreadable), "good", "unreadzz")
        w._note(str(locked / "inner.txt"), "good", "lockedzz")
    (fs / "empty_dir").mkdir()
    deep = fs / "deep"  # 600 folders deep: a recursive walk (two frames a level) exceeds the limit
    deep.mkdir()
    for _ in range(600):
        deep = deep / "d"
        deep.mkdir()  # one level at a time: mkdir(parents=True) itself recurses
    mk = w.marker()
    (deep / "deep.txt").write_text(good_article(w.count, mk), encoding="utf-8")
    w._note(str(deep / "deep.txt"), "good", mk)


def _slow(w: _Writer) -> None:
    """Pathological text for the extractor (see benchmarks/hostile.py): stored, time never asserted."""
    patterns = {
        "said": '"Hi," he said ' * 500,
        "scores": "1-1 " * 2000,
        "names": "Tom Hollis " * 2000,
        "prose": "Fulham played well and the crowd sang loudly " * 2500,
        "quotes_open": '"' * 5000,
        "dashes": "- " * 10000,
        "capitals": "A B C D E F G H " * 2000,
        "minutes": "Smith 12' " * 2000,
        "one_line_report": ("Fulham beat Brentford 2-1 and Smith scored in the 12th minute. " * 800),
    }
    for name, text in patterns.items():
        mk = w.marker()
        w.raw(f"slow/{name}.txt", f"date 2024-06-01\n{mk}\n\n{text}".encode(), "slow", mk)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m touchline.testing.hostile_folder DIR", file=sys.stderr)
        return 2
    m = write_hostile_folder(Path(args[0]))
    print(
        f"{m.root}: {m.entries} entries: {len(m.good)} good, {len(m.warned)} warned, {len(m.bad)} bad, "
        f"{len(m.slow)} slow, {len(m.quiet)} quiet"
    )
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

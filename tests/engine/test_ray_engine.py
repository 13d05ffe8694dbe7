"""``touchline ingest --engine ray``: a Ray Data pipeline on a local Ray instance stores the same facts
as in-process extraction, through the Store interface (PostgreSQL when available), in batches."""

from __future__ import annotations

from pathlib import Path

import pytest

from touchline.cli.main import main
from touchline.config import SAMPLE_DIR
from touchline.engine import make_engine, ray_engine
from touchline.errors import TouchlineError
from touchline.store import open_store
from touchline.store.loader import ingest
from touchline.store.sqlite import SQLiteStore


def test_ray_pipeline_stores_what_one_process_stores(
    local_ray: object, store_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for p in sorted(SAMPLE_DIR.glob("*.txt")):
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02" * 500)
    with SQLiteStore(tmp_path / "serial.db") as store:
        ingest(store, [folder], batch_size=5)
        serial = {f.article.id: f.to_dict() for f in store.iter_facts()}

    # one window (each window starts its actors, which load spaCy), several Ray batches of 3 rows
    engine = ray_engine.RayEngine(2, window=50, rows_per_call=3)
    with open_store(store_url) as store:
        report = ingest(store, [folder], batch_size=4, engine=engine)
        stored = {f.article.id: f.to_dict() for f in store.iter_facts()}
        again = ingest(store, [folder], batch_size=4, engine=engine)
    assert report.stored == len(serial) == 12
    assert report.batches == 3  # one transaction per batch of 4
    assert [Path(s).name for s, _ in report.failed] == ["broken.txt"]
    assert stored == serial
    assert (again.stored, again.already_stored) == (0, 12)


def test_without_ray_the_engine_is_one_clear_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(ray_engine, "ray_available", lambda: False)
    with pytest.raises(TouchlineError, match=r"pip install 'touchline\[ray\]'"):
        make_engine("ray", 2)
    code = main(["ingest", str(SAMPLE_DIR), "--db", str(tmp_path / "kb.db"), "--engine", "ray"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert err == ["touchline: error: " + ray_engine.MISSING]
    assert not (tmp_path / "kb.db").exists()  # failed before opening the store


def test_input_goes_to_ray_in_windows_and_comes_back_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    from touchline.models import Article, ArticleFacts
    from touchline.store.loader import IngestReport

    monkeypatch.setattr(ray_engine, "ray_available", lambda: True)
    windows: list[list[int]] = []

    def fake_window(self: ray_engine.RayEngine, batches: list[list[Article]], report: IngestReport):  # type: ignore[no-untyped-def]
        windows.append([len(b) for b in batches])
        for b in batches:
            yield [ArticleFacts(a) for a in b]

    monkeypatch.setattr(ray_engine.RayEngine, "_run_window", fake_window)
    arts = [Article(f"{i:064d}", f"s{i}", None, f"Body {i}.") for i in range(11)]
    batches = [arts[i : i + 3] for i in range(0, 11, 3)]
    out = list(ray_engine.RayEngine(2, window=5).extract_batches(batches, IngestReport()))
    assert windows == [[3, 3], [3, 2]]  # a window closes once it holds >= 5 articles
    assert [f.article.id for b in out for f in b] == [a.id for a in arts]


def test_interrupted_run_stops_the_ray_instance_it_started(monkeypatch: pytest.MonkeyPatch) -> None:
    ray = pytest.importorskip("ray", reason="Ray engine tests skipped: ray is not installed")
    calls: list[str] = []
    monkeypatch.setattr(ray, "shutdown", lambda: calls.append("shutdown"))
    monkeypatch.setattr(ray_engine, "_STARTED_HERE", True)

    def interrupted() -> object:
        raise KeyboardInterrupt
        yield  # a generator

    engine = ray_engine.RayEngine(2)
    with pytest.raises(KeyboardInterrupt):
        list(engine.extract_batches(interrupted(), report=None))  # type: ignore[arg-type]
    assert calls == ["shutdown"]
    ray_engine.stop_local_ray()  # already stopped: nothing more to do
    assert calls == ["shutdown"]


def test_a_ray_instance_started_elsewhere_is_left_running(monkeypatch: pytest.MonkeyPatch) -> None:
    ray = pytest.importorskip("ray", reason="Ray engine tests skipped: ray is not installed")
    calls: list[str] = []
    monkeypatch.setattr(ray, "shutdown", lambda: calls.append("shutdown"))
    monkeypatch.setattr(ray_engine, "_STARTED_HERE", False)
    ray_engine.stop_local_ray()
    assert calls == []

"""``/docs`` (Swagger UI) and ``/redoc`` work with no network: in headless Chromium, every request to
anything but the local server is blocked and recorded, and the pages still render the operations with
no Content-Security-Policy violation. Skipped only when no Chromium is installed."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = next((p for p in ("/usr/bin/chromium", shutil.which("chromium")) if p and Path(p).exists()), None)
if CHROMIUM is None:
    pytest.skip("Chromium is not installed: install the Debian `chromium` package", allow_module_level=True)

import uvicorn  # noqa: E402
from playwright.sync_api import Browser, Page, Route, sync_playwright  # noqa: E402

from touchline.api.app import create_app  # noqa: E402
from touchline.api.security import DEFAULT_ALLOWED_HOSTS  # noqa: E402
from touchline.testing.pgserver import free_port  # noqa: E402

pytestmark = pytest.mark.browser
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]


@pytest.fixture(scope="module")
def base_url(sample_db: Path) -> Iterator[str]:
    port = free_port()
    app = create_app(str(sample_db), allowed_hosts=DEFAULT_ALLOWED_HOSTS)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the uvicorn server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def offline_page(browser: Browser, base_url: str) -> tuple[Page, list[str], list[str]]:
    """A page whose requests outside ``base_url`` fail (recorded), with console errors recorded."""
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(30_000)
    outside: list[str] = []
    errors: list[str] = []
    local = urlsplit(base_url).netloc

    def route(r: Route) -> None:
        if urlsplit(r.request.url).netloc == local or r.request.url.startswith(("data:", "blob:")):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return page, outside, errors


def test_swagger_ui_renders_offline(browser: Browser, base_url: str) -> None:
    page, outside, errors = offline_page(browser, base_url)
    page.goto(base_url + "/docs")
    page.wait_for_selector(".opblock-summary-path", state="visible")
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert any("/api/articles" in p for p in paths) and any("/api/matches" in p for p in paths)
    page.locator(".opblock-summary-path", has_text="/api/matches").first.click()  # an operation opens
    page.wait_for_selector(".opblock-body")
    assert outside == []
    assert not [e for e in errors if "Content Security Policy" in e or "Refused" in e], errors
    page.context.close()


def test_redoc_renders_offline(browser: Browser, base_url: str) -> None:
    page, outside, errors = offline_page(browser, base_url)
    page.goto(base_url + "/redoc")
    page.locator("h2", has_text="Merged matches").first.wait_for(state="visible")  # the operation's heading
    assert outside == [], outside  # no request leaves the machine (fonts included)
    # ReDoc's "powered by" footer names a logo on cdn.redoc.ly: the page's policy blocks it before any
    # request is made, and nothing else is refused
    refused = [e for e in errors if "Content Security Policy" in e or "Refused" in e]
    assert all("logo-mini.svg" in e and "img-src" in e for e in refused), refused
    page.context.close()

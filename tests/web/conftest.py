"""Web fixtures: one store per session (sample corpus + a hostile article, see ``web_support``), served by
the real application (``touchline.api.app.create_app``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from web_support import WebData, build_web_store

from touchline.api.app import create_app


@pytest.fixture(scope="session")
def web_data(tmp_path_factory: pytest.TempPathFactory) -> WebData:
    return build_web_store(tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="session")
def client(web_data: WebData) -> Iterator[TestClient]:
    with TestClient(create_app(str(web_data.db))) as c:
        yield c

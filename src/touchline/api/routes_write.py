"""``POST /api/articles``: ingest plain text, HTML or JSON articles through the normal readers and
extractor into the store, protected by the server's token. Extraction runs outside every lock; only
the store transaction is serialised (see ``store_articles``).

The body is read as a stream and refused with 413 as soon as it passes the limit (the ``Content-Length``
header is checked first), so an oversize upload is never held in memory or stored. Every article in a
request is validated before anything is written: one bad item rejects the whole request with 422.
"""

from __future__ import annotations

import codecs
import hmac
import json
import os
import threading
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response, Security
from fastapi.concurrency import run_in_threadpool
from fastapi.datastructures import State
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from pydantic import TypeAdapter, ValidationError

from touchline.api import schemas as s
from touchline.api.errors import ApiError
from touchline.api.freshness import mark_current
from touchline.engine import extract_safely
from touchline.errors import InputError
from touchline.ingest.decode import looks_binary
from touchline.ingest.readers import read_html_article, read_text_article
from touchline.models import Article

MAX_BODY_ENV = "TOUCHLINE_API_MAX_BODY"
DEFAULT_MAX_BODY = 2 * 1024 * 1024
MAX_ITEMS = 100
ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"

router = APIRouter(prefix="/api", tags=["write"])

_ITEMS: TypeAdapter[s.ArticleIn | list[s.ArticleIn]] = TypeAdapter(s.ArticleIn | list[s.ArticleIn])
_extractor_lock = threading.Lock()
Status = Literal["stored", "duplicate", "failed"]


def max_body() -> int:
    value = os.environ.get(MAX_BODY_ENV, "")
    return int(value) if value.isdigit() and int(value) > 0 else DEFAULT_MAX_BODY


_bearer = HTTPBearer(auto_error=False, description="the server's token: `Authorization: Bearer TOKEN`")
_header = APIKeyHeader(name="X-Touchline-Token", auto_error=False, description="the server's token")


def check_token(
    request: Request,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)],
    header: Annotated[str | None, Security(_header)],
) -> None:
    """403 when the server has no token (read-only), 401 when the request's token is missing or wrong.

    Runs as a dependency, before the body is read or any parameter is validated.
    """
    expected: str | None = request.app.state.token
    if not expected:
        raise ApiError(
            403,
            "writes are disabled",
            "start the server with $TOUCHLINE_TOKEN or --token-file to allow them",
        )
    read_only = request.app.state.kb.store.read_only
    if read_only:
        raise ApiError(403, "writes are disabled", f"the store is read-only ({read_only})")
    given = header if header is not None else (bearer.credentials.strip() if bearer else None)
    if not given:
        raise ApiError(
            401, "missing token", "send `Authorization: Bearer TOKEN` or `X-Touchline-Token: TOKEN`"
        )
    if not hmac.compare_digest(given.encode("utf-8", "replace"), expected.encode("utf-8")):
        raise ApiError(401, "invalid token")


async def read_limited(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.strip().isdigit():
            raise ApiError(400, "invalid Content-Length header", declared[:50])
        if int(declared) > limit:
            raise ApiError(
                413, "request body too large", {"limit_bytes": limit, "content_length": int(declared)}
            )
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, "request body too large", {"limit_bytes": limit})
        chunks.append(chunk)
    return b"".join(chunks)


def _decode(data: bytes, charset: str | None) -> str:
    """The body as text: UTF-8 (BOM allowed) unless the Content-Type names another charset; strict."""
    encoding = "utf-8"
    if charset:
        try:
            encoding = codecs.lookup(charset).name
        except LookupError as exc:
            raise ApiError(422, "unknown charset", {"charset": charset[:50]}) from exc
    if encoding == "utf-8" and data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ApiError(
            422, f"body is not valid {encoding}", {"position": exc.start, "reason": exc.reason}
        ) from exc


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip('"') or None
    return None


def _article(
    text: str, source: str, published: str | None, title: str | None = None, html: bool = False
) -> Article:
    """One article through the standard readers: HTML (declared, or detected) or plain text with an
    optional ``date YYYY-MM-DD`` first line."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ApiError(422, "text is not valid Unicode", {"source": source, "reason": exc.reason}) from exc
    try:
        if html and not looks_binary(data):
            art = read_html_article(text, source, published)
        else:
            art = read_text_article(data, source, published)
    except InputError as exc:
        raise ApiError(422, "unreadable article", {"source": exc.source, "problem": exc.problem}) from exc
    if title and not art.title:
        art.title = title
    return art


def parse_articles(
    data: bytes, content_type: str, published: str | None, source: str | None
) -> list[Article]:
    media = content_type.split(";")[0].strip().lower()
    if not data.strip():
        raise ApiError(422, "empty body")
    text = _decode(data, _charset(content_type))
    if media in ("", "application/xhtml+xml") or media.startswith("text/"):
        html = media in ("text/html", "application/xhtml+xml")
        return [_article(text, source or "api", published, html=html)]
    if media != "application/json" and not media.endswith("+json"):
        raise ApiError(415, "unsupported content type", {"content_type": media, "accepted": ACCEPTED})
    try:
        payload: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ApiError(
            422, "body is not valid JSON", {"line": exc.lineno, "column": exc.colno, "msg": exc.msg}
        ) from exc
    except (ValueError, RecursionError) as exc:  # e.g. absurdly deep nesting or over-long numbers
        raise ApiError(422, "body is not acceptable JSON", type(exc).__name__) from exc
    try:
        items = _ITEMS.validate_python(payload)
    except ValidationError as exc:
        errors = [{"loc": list(e["loc"]), "msg": e["msg"], "type": e["type"]} for e in exc.errors()]
        raise ApiError(422, "invalid article JSON", errors) from exc
    batch = items if isinstance(items, list) else [items]
    if not batch:
        raise ApiError(422, "no articles in the request")
    if len(batch) > MAX_ITEMS:
        raise ApiError(413, "too many articles in one request", {"limit": MAX_ITEMS, "given": len(batch)})
    return [
        _article(a.text, a.source or source or f"api:{i}", a.published or published, a.title)
        for i, a in enumerate(batch)
    ]


ACCEPTED = ["text/plain", "text/html", "application/json"]


def _extractor(state: State) -> Any:
    with _extractor_lock:
        if getattr(state, "extractor", None) is None:
            from touchline.nlp.pipeline import default_extractor

            state.extractor = default_extractor()
        return state.extractor


def store_articles(state: State, arts: list[Article]) -> s.IngestOut:
    """Extract, then store. The (possibly slow) extraction holds no lock, so one slow article never
    holds up other writers or readers; only the single store transaction runs under ``write_lock``
    (and the knowledge base's lock, which readers take too)."""
    kb = state.kb
    with state.kb_lock:
        before = kb.store.stored_ids(a.id for a in arts)
    todo: dict[str, Article] = {}
    for a in arts:
        if a.id not in before:
            todo.setdefault(a.id, a)
    facts, failed = extract_safely(_extractor(state), list(todo.values())) if todo else ([], [])
    with state.write_lock, state.kb_lock:
        # stored meanwhile by another request (or process): a duplicate, not ours to store again
        raced = kb.store.stored_ids(f.article.id for f in facts)
        if facts:
            kb.store.add_batch(facts)
            kb.refresh()
            state.cache.clear()
            mark_current(state)
        after = kb.store.stored_ids(a.id for a in arts)
    problems = dict(failed)
    seen: set[str] = set()
    out: list[s.IngestedArticle] = []
    for a in arts:
        status: Status = "stored"
        problem = None
        if a.id in before or a.id in seen or a.id in raced:
            status = "duplicate"
        elif a.id not in after:
            status, problem = "failed", problems.get(a.source, "not stored")
        seen.add(a.id)
        out.append(
            s.IngestedArticle(id=a.id, source=a.source, published=a.published, status=status, problem=problem)
        )
    return s.IngestOut(
        stored=sum(1 for x in out if x.status == "stored"),
        duplicates=sum(1 for x in out if x.status == "duplicate"),
        failed=sum(1 for x in out if x.status == "failed"),
        articles=out,
    )


_BODY_DOC: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "An article as plain text or HTML, or JSON: one object or a list of objects.",
        "content": {
            "application/json": {
                "schema": {
                    "anyOf": [
                        s.ArticleIn.model_json_schema(),
                        {"type": "array", "items": s.ArticleIn.model_json_schema(), "maxItems": MAX_ITEMS},
                    ]
                }
            },
            "text/plain": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
        },
    }
}


@router.post(
    "/articles",
    response_model=s.IngestOut,
    status_code=201,
    summary="Ingest articles (token required)",
    openapi_extra=_BODY_DOC,
    dependencies=[Depends(check_token)],
    responses={
        200: {"model": s.IngestOut, "description": "nothing new: every article was already stored"},
        401: {"model": s.ErrorOut},
        403: {"model": s.ErrorOut},
        413: {"model": s.ErrorOut},
        415: {"model": s.ErrorOut},
        422: {"model": s.ErrorOut},
    },
)
async def post_articles(
    request: Request,
    response: Response,
    published: Annotated[
        str | None, Query(pattern=ISO_DATE, description="publication date (YYYY-MM-DD) for text bodies")
    ] = None,
    source: Annotated[
        str | None, Query(max_length=500, description="source label or URL for text bodies")
    ] = None,
) -> s.IngestOut:
    """Read, extract and store the articles; re-posting an article reports it as a duplicate."""
    data = await read_limited(request, max_body())
    try:
        s.real_date(published)
    except ValueError as exc:
        raise ApiError(422, "invalid request", [{"loc": ["query", "published"], "msg": str(exc)}]) from exc
    arts = parse_articles(data, request.headers.get("content-type", ""), published, source)
    result = await run_in_threadpool(store_articles, request.app.state, arts)
    if not result.stored:
        response.status_code = 200
    return result

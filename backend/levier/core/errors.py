"""Domain errors and their RFC 9457 problem+json rendering (translated by Accept-Language)."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException

from levier.core.field_errors import bound_wording, field_error, field_errors
from levier.core.i18n import Language, negotiate, translate

logger = logging.getLogger("levier.errors")
PROBLEM_JSON = "application/problem+json"

_STATUS_CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    412: "precondition_failed",
    413: "payload_too_large",
    422: "validation_failed",
    428: "precondition_required",
    429: "too_many_requests",
    500: "internal_error",
    503: "service_unavailable",
}


# pydantic error type → our message code
class DomainError(Exception):
    """An error the caller can act on: a stable `code`, an HTTP status, maybe a field."""

    status_code = 400
    location = "body"  # where `field` is: the body, or a path or query parameter

    def __init__(
        self,
        code: str,
        *,
        field: str | None = None,
        location: str | None = None,
        status_code: int | None = None,
        headers: Mapping[str, str] | None = None,
        extensions: Mapping[str, Any] | None = None,
        **params: Any,
    ) -> None:
        super().__init__(code)
        self.code = code
        self.extensions = dict(extensions or {})  # extra members of the problem document
        self.field = field
        if location is not None:
            self.location = location
        self.params = params
        self.headers = dict(headers or {})
        if status_code is not None:
            self.status_code = status_code


class NotAuthenticated(DomainError):
    status_code = 401

    def __init__(
        self,
        code: str = "not_authenticated",
        headers: Mapping[str, str] | None = None,
        **params: Any,
    ) -> None:
        super().__init__(code, headers={"WWW-Authenticate": "Bearer", **(headers or {})}, **params)


class Forbidden(DomainError):
    status_code = 403

    def __init__(self, code: str = "forbidden", **params: Any) -> None:
        super().__init__(code, **params)


class NotFound(DomainError):
    status_code = 404

    def __init__(self, code: str = "not_found", **params: Any) -> None:
        super().__init__(code, **params)


class Conflict(DomainError):
    status_code = 409


class FieldInvalid(DomainError):
    """A rule on one field failed (422 naming the field)."""

    status_code = 422

    def __init__(self, field: str, code: str, *, location: str = "body", **params: Any) -> None:
        super().__init__(code, field=field, location=location, **params)


class FieldsInvalid(DomainError):
    """Several field rules failed: all are reported in one 422, so a person fixes them at
    once rather than one per try."""

    status_code = 422

    def __init__(self, errors: Sequence[FieldInvalid]) -> None:
        super().__init__("validation_failed")
        self.errors = list(errors)


class FieldChecks:
    """Collects the failures of the field rules a service checks before acting, then raises
    them together (`raise_if_any`): one failure as itself, several as `FieldsInvalid`."""

    def __init__(self) -> None:
        self.errors: list[FieldInvalid] = []

    def add(self, error: FieldInvalid) -> None:
        self.errors.append(error)

    def failed(self, field: str) -> bool:
        return any(error.field == field for error in self.errors)

    def raise_if_any(self) -> None:
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            raise FieldsInvalid(self.errors)


class PreconditionFailed(DomainError):
    status_code = 412

    def __init__(self) -> None:
        super().__init__("precondition_failed")


class PreconditionRequired(DomainError):
    status_code = 428

    def __init__(self) -> None:
        super().__init__("precondition_required")


class TooManyRequests(DomainError):
    """429; a Retry-After header is also given as `retry_after` (seconds) in the document, for
    pages that count down."""

    status_code = 429

    def __init__(self, code: str = "too_many_requests", **params: Any) -> None:
        super().__init__(code, **params)
        retry = (self.headers or {}).get("Retry-After")
        if retry is not None and retry.isdigit():
            self.extensions.setdefault("retry_after", int(retry))


def readable_size(size: int) -> str:
    """A byte count as people read it (5 Mo, 512 ko)."""
    for unit, factor in (("Mo", 1024 * 1024), ("ko", 1024)):
        if size >= factor:
            return f"{size / factor:g} {unit}"
    return f"{size} o"


class RequestTooLarge(StarletteHTTPException):
    """413: the body passes its route's limit. An HTTP exception, not a DomainError, because
    FastAPI turns any other error raised while it reads a body into a 400."""

    code = "request_too_large"

    def __init__(self, limit: int) -> None:
        super().__init__(status_code=413)
        self.params = {"limit": readable_size(limit)}


def request_language(request: Request) -> Language:
    """The language of the person behind the request."""
    return negotiate(request.headers.get("accept-language"))


def problem(
    request: Request,
    status: int,
    code: str,
    *,
    detail: str | None = None,
    errors: Sequence[dict[str, Any]] | None = None,
    headers: Mapping[str, str] | None = None,
    params: Mapping[str, Any] | None = None,
    extensions: Mapping[str, Any] | None = None,
) -> JSONResponse:
    """An RFC 9457 problem document (`params` fill the translated message)."""
    language = request_language(request)
    title_code = _STATUS_CODES.get(status, "bad_request")
    body: dict[str, Any] = {
        "type": f"urn:levier:problem:{code}",
        "title": translate(title_code, language),
        "status": status,
        "detail": detail or translate(code, language, **(params or {})),
        "code": code,
        "instance": request.url.path,
    }
    if errors:
        body["errors"] = list(errors)
    body.update(extensions or {})
    response_headers = {"Content-Language": language, **(headers or {})}
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=response_headers)


def _validation_errors(error: RequestValidationError, language: Language) -> list[dict[str, Any]]:
    return field_errors(error.errors(), language)


def is_database_busy(exc: OperationalError) -> bool:
    """SQLite could not take its lock within the busy timeout."""
    message = str(exc.orig or exc).lower()
    return "database is locked" in message or "database table is locked" in message


def install_error_handlers(app: FastAPI) -> None:
    """Every error leaves as problem+json."""

    @app.exception_handler(DomainError)
    async def _domain(request: Request, exc: DomainError) -> JSONResponse:
        errors = None
        language = request_language(request)
        failures = exc.errors if isinstance(exc, FieldsInvalid) else [exc] if exc.field else []
        if failures:
            errors = [
                field_error(
                    [failure.location, *(failure.field or "").split(".")],
                    failure.code,
                    translate(
                        bound_wording(failure.code, failure.params), language, **failure.params
                    ),
                )
                for failure in failures
            ]
        return problem(
            request,
            exc.status_code,
            exc.code,
            detail=translate(bound_wording(exc.code, exc.params), language, **exc.params),
            errors=errors,
            headers=exc.headers,
            params=exc.params,
            extensions=exc.extensions,
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        raw = exc.errors()
        if raw and all(
            tuple(error.get("loc", ()))[:1] == ("path",)
            and str(error.get("type", "")).startswith("uuid")
            for error in raw
        ):
            # /participants/does-not-exist names no resource: not found, like any unknown id
            # (a form field's message "invalid value" meant nothing on such a page). A code
            # looked up by its shape (a CPV code) still says what the shape is (422).
            return problem(request, 404, "not_found")
        errors = _validation_errors(exc, request_language(request))
        return problem(request, 422, "validation_failed", errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = getattr(exc, "code", None) or _STATUS_CODES.get(exc.status_code, "bad_request")
        return problem(
            request,
            exc.status_code,
            code,
            headers=getattr(exc, "headers", None),
            params=getattr(exc, "params", None),
        )

    @app.exception_handler(OperationalError)
    async def _database(request: Request, exc: OperationalError) -> JSONResponse:
        if not is_database_busy(exc):
            return await _unexpected(request, exc)
        logger.warning("database busy on %s %s", request.method, request.url.path)
        return problem(request, 503, "database_busy", headers={"Retry-After": "2"})

    @app.exception_handler(StaleDataError)
    async def _stale(request: Request, exc: StaleDataError) -> JSONResponse:
        return problem(request, 412, "precondition_failed")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        logger.exception("unhandled error on %s %s", request.method, request.url.path)
        return problem(request, 500, "internal_error")


class FieldProblemDocument(BaseModel):
    """One invalid field: its path, a stable code and a message in the caller's language."""

    loc: list[str]
    field: str
    code: str
    message: str


class ProblemDocument(BaseModel):
    """RFC 9457 problem details, sent as `application/problem+json`."""

    type: str
    title: str
    status: int
    detail: str
    code: str = Field(description="Stable machine-readable code of the problem.")
    instance: str
    errors: list[FieldProblemDocument] | None = None
    retry_after: int | None = Field(
        default=None, description="On a 429: the seconds to wait, as in Retry-After."
    )


def _problem_response(description: str) -> dict[str, Any]:
    return {
        "model": ProblemDocument,
        "description": f"{description} (application/problem+json)",
    }


PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: _problem_response("Bad request"),
    401: _problem_response("Not authenticated"),
    403: _problem_response("Not allowed"),
    404: _problem_response("Not found or out of the caller's scope"),
    409: _problem_response("Conflict with the resource's state"),
    412: _problem_response("If-Match does not match the current version"),
    413: _problem_response(
        "Request body larger than the route allows (1 MiB unless the operation's "
        "`x-body-limit` says more)"
    ),
    422: _problem_response("Invalid input, each field named in `errors`"),
    428: _problem_response("If-Match is required"),
    429: _problem_response("Too many requests (see Retry-After)"),
    503: _problem_response("Briefly unavailable, e.g. an embedded database busy (see Retry-After)"),
}

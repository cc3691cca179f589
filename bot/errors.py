"""Errors answer with a short message: JSON for API callers, plain text otherwise. Never a trace."""

from __future__ import annotations

import logging

from flask import Flask, jsonify, request
from sqlalchemy.exc import DBAPIError
from werkzeug.exceptions import HTTPException, InternalServerError, ServiceUnavailable

log = logging.getLogger(__name__)


def _wants_json() -> bool:
    return request.is_json or request.path.startswith(("/chat/", "/api/"))


def register_errors(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        message = exc.description or exc.name
        if _wants_json():
            return jsonify({"error": message}), exc.code
        return message, exc.code, {"Content-Type": "text/plain; charset=utf-8"}

    @app.errorhandler(DBAPIError)
    def database_error(exc: DBAPIError):
        if not exc.connection_invalidated:
            return unexpected(exc)
        # The pool has already dropped its dead connections: the next request reconnects.
        log.warning("database connection dropped on %s %s", request.method, request.path)
        return http_error(ServiceUnavailable("The database connection was reset. Try again."))

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        log.exception("unhandled error on %s %s", request.method, request.path)
        return http_error(InternalServerError("Something went wrong on our side. Try again soon."))

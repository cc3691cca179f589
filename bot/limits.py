"""Rate limits with Flask-Limiter: staff log-in attempts and the public chat API.

One limiter per app, counting in Redis when REDIS_URL (or RATELIMIT_STORAGE_URI) is set, so
every worker shares the counts; in memory otherwise, and in memory too when Redis is down
rather than lock everyone out. Limits decorate the views they guard (limit_view); the
limiter's app-wide hooks, which would run on every request, each SMS webhook post included,
are removed: before a request, to re-match its URL looking for limits that do not exist;
after it, for conditional deductions (none here) and rate-limit headers (off); at teardown,
to reset state the limiter keeps on the request context, which ends with the request.

Behind a reverse proxy the client's address is the proxy's: set TRUSTED_PROXY_HOPS to the
number of proxies in front of the app, and the address is read from X-Forwarded-For
(werkzeug's ProxyFix). Leave it at 0 when clients connect directly, or they could pick
their own address by sending the header.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from werkzeug.middleware.proxy_fix import ProxyFix


def init_app(app: Flask) -> Limiter:
    hops = int(app.config.get("TRUSTED_PROXY_HOPS") or 0)
    if hops < 0:
        raise ValueError("TRUSTED_PROXY_HOPS must be 0 or more")
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops)
    if app.config.get("RATELIMIT_HEADERS_ENABLED"):
        raise ValueError("RATELIMIT_HEADERS_ENABLED needs the limiter's after_request hook")
    storage = app.config.get("RATELIMIT_STORAGE_URI") or app.config.get("REDIS_URL")
    limiter = Limiter(get_remote_address, app=app, storage_uri=storage or "memory://",
                      key_prefix="bot", in_memory_fallback_enabled=True, swallow_errors=True)
    for hooks in (app.before_request_funcs, app.after_request_funcs,
                  app.teardown_request_funcs):
        hooks[None] = [hook for hook in hooks.get(None, []) if not _bound_to(hook, limiter)]
    app.extensions["rate_limiter"] = limiter
    return limiter


def limit_view(app: Flask, endpoint: str, limit: str, message: str,
               key_func: Callable[[], str] = get_remote_address,
               methods: tuple[str, ...] = ("POST",)) -> None:
    """Guard the registered view `endpoint` with `limit` (Flask-Limiter syntax, e.g.
    "10/minute;50/hour") per key; over it, a 429 with `message`."""
    limiter: Limiter = app.extensions["rate_limiter"]
    view = limiter.limit(limit, key_func=key_func, methods=list(methods),
                         error_message=message)(app.view_functions[endpoint])
    app.view_functions[endpoint] = view


def _bound_to(hook, limiter: Limiter) -> bool:
    """A hook the limiter registered: its bound method, or functools.partial(f, limiter)."""
    return (getattr(hook, "__self__", None) is limiter
            or getattr(hook, "args", ())[:1] == (limiter,))

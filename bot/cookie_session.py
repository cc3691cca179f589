"""Flask's signed-cookie sessions, without the work when a request carries no session.

Only the staff console and the admin editor use a session. Twilio's webhook and the chat
API never send the cookie, yet Flask's interface built a signing serializer to open an
empty session and read seven cookie settings to save it again on every such request
(about 7% of a webhook request's CPU). Here a request without the cookie gets an empty
session at once, and an empty, untouched session is saved as Flask saves it: nothing but
"Vary: Cookie" when the request looked at the session.
"""

from __future__ import annotations

from flask import Flask, Request, Response
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface, SessionMixin


class LazyCookieSessions(SecureCookieSessionInterface):
    def open_session(self, app: Flask, request: Request) -> SecureCookieSession | None:
        if "HTTP_COOKIE" not in request.environ or not request.cookies.get(
                self.get_cookie_name(app)):
            return self.session_class()
        return super().open_session(app, request)

    def save_session(self, app: Flask, session: SessionMixin, response: Response) -> None:
        if not session and not session.modified:
            if session.accessed:  # as Flask: a page that looked at the session varies by it
                _vary_by_cookie(response)
            return
        super().save_session(app, session, response)


def _vary_by_cookie(response: Response) -> None:
    """response.vary.add("Cookie"), without parsing and rewriting the header when there is
    none yet (the usual case)."""
    if "Vary" in response.headers:
        response.vary.add("Cookie")
    else:
        response.headers["Vary"] = "Cookie"

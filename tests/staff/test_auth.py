"""Logging in and out, wrong passwords, the rate limit, roles, CSRF and cookies."""

from __future__ import annotations

import pytest

from bot import create_app
from bot.cli import upgrade_and_seed
from tests.staff.conftest import PASSWORD, Console


def test_the_console_asks_a_stranger_to_log_in(client):
    response = client.get("/staff/reports")
    assert response.status_code == 302
    assert "/staff/login" in response.headers["Location"]


def test_staff_member_logs_in_and_out(make_user, console):
    make_user("ana@city.example.gov")
    page = console.get("/staff/login").get_data(as_text=True)
    assert 'autocomplete="current-password"' in page

    response = console.login("Ana@City.example.gov ")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/staff/reports")
    assert "ana@city.example.gov" in console.page("/staff/reports")

    assert console.logout().status_code == 302
    assert console.get("/staff/reports").status_code == 302


def test_wrong_password_is_refused_without_saying_which_part_was_wrong(make_user, console):
    make_user("ana@city.example.gov")
    wrong_password = console.login("ana@city.example.gov", "not the password")
    unknown_email = console.login("nobody@city.example.gov", PASSWORD)
    for response in (wrong_password, unknown_email):
        assert response.status_code == 401
        assert "Wrong email or password." in response.get_data(as_text=True)
    assert console.get("/staff/reports").status_code == 302


def test_deactivated_account_cannot_log_in(make_user, console, app):
    from bot.app import services
    from bot.staff import accounts

    account = make_user("old@city.example.gov")
    with services(app).db.begin() as conn:
        accounts.set_active(conn, account.id, False)
    assert console.login("old@city.example.gov").status_code == 401


def test_log_in_attempts_are_rate_limited(make_user, console):
    make_user("ana@city.example.gov")
    statuses = [console.login("ana@city.example.gov", f"guess {i}").status_code
                for i in range(11)]
    assert statuses[:10] == [401] * 10
    assert statuses[10] == 429
    limited = console.login("ana@city.example.gov")
    assert limited.status_code == 429
    assert "Too many log-in attempts" in limited.get_data(as_text=True)


def test_log_in_redirects_only_inside_the_console(make_user, client):
    make_user("ana@city.example.gov")
    form = {"email": "ana@city.example.gov", "password": PASSWORD}
    response = client.post("/staff/login?next=https://evil.example/staff/", data=form)
    assert response.headers["Location"].endswith("/staff/reports")
    client.post("/staff/logout")
    response = client.post("/staff/login?next=/staff/escalations", data=form)
    assert response.headers["Location"].endswith("/staff/escalations")


def test_staff_cannot_open_admin_pages_but_an_admin_can(make_user, console):
    make_user("ana@city.example.gov")
    make_user("root@city.example.gov", "admin", None)
    console.login("ana@city.example.gov")
    assert console.get("/staff/users").status_code == 403
    assert console.get("/staff/audit").status_code == 403
    console.logout()
    console.login("root@city.example.gov")
    assert "ana@city.example.gov" in console.page("/staff/users")


def test_admin_creates_a_traffic_account_and_it_can_log_in(make_user, console, client):
    make_user("root@city.example.gov", "admin", None)
    console.login("root@city.example.gov")
    response = console.post("/staff/users", {"email": "tom@city.example.gov", "role": "staff",
                                             "agency": "traffic", "password": PASSWORD})
    assert response.status_code == 302
    console.logout()
    assert console.login("tom@city.example.gov").status_code == 302


@pytest.fixture
def csrf_app(config):
    app = create_app({**config, "WTF_CSRF_ENABLED": True})
    upgrade_and_seed(app)
    yield app
    app.extensions["bot"].sender.close()
    app.extensions["bot"].db.dispose()


def test_a_post_without_csrf_token_is_refused(csrf_app, seed):
    from bot.app import services
    from bot.staff import accounts
    from bot.storage.timestamps import utcnow

    with services(csrf_app).db.begin() as conn:
        accounts.create(conn, "ana@city.example.gov", PASSWORD, "staff", "city311",
                        services(csrf_app).registry.routing.agencies, utcnow())
    console = Console(csrf_app.test_client())
    assert console.login("ana@city.example.gov").status_code == 400  # no token: refused

    page = console.page("/staff/login")
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    response = console.post("/staff/login", {"email": "ana@city.example.gov",
                                             "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 302

    report = Seeder(csrf_app).report()
    refused = console.post(f"/staff/reports/{report['id']}/notes", {"note-body": "forged"})
    assert refused.status_code == 400
    assert "CSRF" in refused.get_data(as_text=True)


def test_twilio_webhook_and_chat_api_need_no_csrf_token(csrf_app):
    client = csrf_app.test_client()
    response = client.post("/chat/messages", json={"session": "?", "text": "help"})
    assert response.status_code == 400
    assert "session must be" in response.get_json()["error"]  # the API's answer, not CSRF's
    unsigned = client.post("/sms", data={"From": "+13125550142", "Body": "hi"})
    assert unsigned.status_code == 403  # refused for its signature, not for CSRF


def test_session_cookie_is_http_only_and_same_site(make_user, console):
    make_user("ana@city.example.gov")
    response = console.login("ana@city.example.gov")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_residents_channels_get_no_session_cookie_and_staff_keep_theirs(make_user, console,
                                                                        client):
    sms = client.post("/sms", data={"From": "+13125550123", "Body": "hi"})
    chat = client.post("/chat/messages", json={"session": "s" * 16, "text": "hi"})
    for response in (sms, chat):
        assert response.status_code in (200, 403)
        assert "Set-Cookie" not in response.headers

    make_user("ana@city.example.gov")
    console.login("ana@city.example.gov")
    page = console.get("/staff/reports")
    assert page.status_code == 200 and "Cookie" in page.headers["Vary"]
    console.client.set_cookie("session", "forged.value.here", domain="localhost")
    assert console.get("/staff/reports").status_code == 302  # a bad cookie is no session


def test_session_cookie_is_secure_outside_tests(config):
    app = create_app({**config, "TESTING": False})
    assert app.config["SESSION_COOKIE_SECURE"] is True
    app.extensions["bot"].sender.close()


from tests.staff.conftest import Seeder  # noqa: E402

"""The console in a real browser: Playwright driving Debian's Chromium against a live server."""

from __future__ import annotations

import csv

import pytest

from bot import create_app
from bot.app import services
from bot.cli import upgrade_and_seed
from bot.staff import accounts
from bot.storage.timestamps import utcnow
from tests.browser import needs_chromium, serving
from tests.staff.conftest import PASSWORD, Seeder, wait_for_outbound

pytestmark = needs_chromium


@pytest.fixture
def live_app(config):
    """The app with CSRF on, as in production, served on 127.0.0.1 in a thread."""
    app = create_app({**config, "WTF_CSRF_ENABLED": True})
    upgrade_and_seed(app)
    with serving(app):
        yield app


@pytest.fixture
def page(browser, live_app):
    context = browser.new_context(accept_downloads=True, base_url=live_app.config["LIVE_URL"])
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def account(app, email: str, role: str = "staff", agency: str | None = "city311") -> None:
    svc = services(app)
    with svc.db.begin() as conn:
        accounts.create(conn, email, PASSWORD, role, agency, svc.registry.routing.agencies,
                        utcnow())


def log_in(page, email: str) -> None:
    page.goto("/staff/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("heading", name="Reports", exact=True).wait_for()


def test_staff_member_works_a_report_from_log_in_to_csv(page, live_app, fake_twilio, tmp_path):
    seed = Seeder(live_app)
    bike = seed.report(type="theft", language="es", phone="+13125550111",
                       description="bicicleta roja")
    graffiti = seed.report(type="damage", subtype="graffiti", description="tags on the wall")
    seed.escalation(graffiti["contact_id"], body="someone is threatening me")
    account(live_app, "ana@city.example.gov")

    log_in(page, "ana@city.example.gov")
    assert page.get_by_role("alert").filter(has_text="1 escalation waiting").is_visible()

    page.get_by_label("Type", exact=True).select_option("theft")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**/staff/reports?*type=theft*")
    queue = page.locator("table.queue").last
    assert queue.get_by_role("link", name=bike["reference"]).is_visible()
    assert queue.get_by_role("link", name=graffiti["reference"]).count() == 0

    queue.get_by_role("link", name=bike["reference"]).click()
    page.get_by_role("heading", name=f"Report {bike['reference']}").wait_for()
    assert page.get_by_text("bicicleta roja").first.is_visible()

    page.get_by_label("New status", exact=True).select_option("in_review")
    page.get_by_role("button", name="Change status").click()
    page.get_by_text("Status changed to in review.").wait_for()

    page.get_by_label("Internal note", exact=True).fill("Checked the rack cameras.")
    page.get_by_role("button", name="Add note").click()
    page.get_by_text("Note added.").wait_for()
    assert page.locator("#notes").get_by_text("Checked the rack cameras.").is_visible()

    page.get_by_label("Message to the resident", exact=True).fill("Encontramos una bicicleta roja.")
    page.get_by_role("button", name="Send message").click()
    page.get_by_text("Message sent to the resident.").wait_for()
    assert page.locator("#transcript").get_by_text("Encontramos una bicicleta roja.").is_visible()
    wait_for_outbound(live_app)
    bodies = [m.body for m in fake_twilio.messages if m.to == "+13125550111"]
    assert bodies[0].startswith(f"Novedad del reporte {bike['reference']}")
    assert bodies[1] == "Encontramos una bicicleta roja."

    page.get_by_role("link", name="Reports").first.click()
    page.get_by_label("Type", exact=True).select_option("theft")
    page.get_by_role("button", name="Apply").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Export CSV").click()
    saved = tmp_path / "queue.csv"
    download_info.value.save_as(saved)
    rows = list(csv.DictReader(saved.open(encoding="utf-8")))
    assert [(r["reference"], r["status"]) for r in rows] == [(bike["reference"], "in_review")]

    page.get_by_role("alert").get_by_role("link", name="someone is threatening me").click()
    page.get_by_label("Note", exact=True).fill("Called the resident back; safe now.")
    page.get_by_role("button", name="Acknowledge").click()
    page.get_by_text("Escalation acknowledged.").wait_for()
    assert page.get_by_role("alert").count() == 0
    assert page.get_by_text("Called the resident back; safe now.").is_visible()


def test_script_in_a_report_shows_as_plain_text(page, live_app):
    seed = Seeder(live_app)
    hostile = '<script>alert("pwned")</script><img src=x onerror=alert(2)><b>bold?</b>'
    report = seed.report(description=hostile, location="<i>Main</i> St")
    account(live_app, "ana@city.example.gov")
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    log_in(page, "ana@city.example.gov")
    page.goto(f"/staff/reports/{report['id']}")
    description = page.locator("#description")
    assert description.inner_text() == hostile
    assert page.locator("#location").inner_text().startswith("<i>Main</i> St")
    assert page.locator("#description b, #description script, #description img").count() == 0
    assert dialogs == []


def test_traffic_staff_cannot_open_a_311_report_by_url(page, live_app):
    seed = Seeder(live_app)
    theft = seed.report(type="theft", description="stolen bike near the stadium")
    account(live_app, "tom@city.example.gov", "staff", "traffic")

    log_in(page, "tom@city.example.gov")
    response = page.goto(f"/staff/reports/{theft['id']}")
    assert response.status == 404
    assert theft["reference"] not in page.content()
    assert "stolen bike near the stadium" not in page.content()

"""The flow editor in a real browser: Playwright driving Debian's Chromium against a live server.

An administrator changes a question, is told about a step nothing reaches, fixes it, tries the
draft in the simulator and publishes; residents texting the bot see the effect.
"""

from __future__ import annotations

import pytest

from bot import create_app
from bot.cli import upgrade_and_seed
from tests.admin.conftest import PASSWORD, make_account
from tests.browser import needs_chromium, serving
from tests.conftest import Phone, reference_in

OLD = "Where did it happen?"
NEW = "Where were you when it was taken?"

pytestmark = needs_chromium


@pytest.fixture
def live_app(config):
    """The app as in production (CSRF on), served on 127.0.0.1 in a thread."""
    app = create_app({**config, "WTF_CSRF_ENABLED": True})
    upgrade_and_seed(app)
    make_account(app, "ada@city.example.gov", "admin")
    make_account(app, "ana@city.example.gov", "staff", "city311")
    with serving(app):
        yield app


@pytest.fixture
def new_page(browser, live_app):
    contexts = []

    def make():
        context = browser.new_context(base_url=live_app.config["LIVE_URL"])
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield make
    for context in contexts:
        context.close()


def log_in(page, email: str) -> None:
    page.goto("/staff/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/staff/**")


def test_an_admin_edits_checks_simulates_and_publishes_and_residents_see_it(
        live_app, new_page, fake_twilio):
    sms = live_app.test_client()
    before = Phone(sms, fake_twilio.auth_token, "+13125550181")
    assert OLD in before.send("someone stole my bike")

    page = new_page()
    log_in(page, "ada@city.example.gov")
    page.goto("/admin/")
    page.get_by_role("link", name="theft", exact=True).click()

    # Change the question's wording in the form, where Somali and Hmong await review.
    page.get_by_role("link", name="Edit the wording").click()
    question = page.get_by_role("group", name="where: question")
    assert question.get_by_text("machine-drafted, awaiting review").count() == 2
    question.get_by_label("English (en)").fill(NEW + " Send a street address.")
    page.get_by_role("button", name="Save wording to the draft").click()
    page.locator(".flash-success", has_text="Wording saved in the draft").wait_for()
    page.get_by_text("Awaiting review by a native speaker").wait_for()

    # In the YAML editor, add a step that nothing leads to yet.
    source = page.locator("#source").input_value()
    assert NEW in source and OLD not in source
    edited = source.replace(
        "  when:\n", "  witness:\n    type: text\n    field: witness\n"
        '    prompt: {en: "Did anyone see it?", es: "¿Alguien lo vio?", so: "Qof ma arkay?", '
        'hmn: "Puas muaj leej twg pom?"}\n    next: when\n  when:\n')
    page.locator("#source").fill(edited)
    page.get_by_role("button", name="Check").click()
    error = page.locator(".finding.error").filter(has_text="witness")
    assert "no step leads here: link it from another step's 'next' or remove it" in (
        error.inner_text())
    line = edited.splitlines().index("  witness:") + 1
    assert f"line {line}" in error.inner_text()
    assert page.locator(f"#L{line}.error").count() == 1
    assert page.locator('.node.unreachable[data-step="witness"]').count() == 1  # the diagram

    # Fix it: the address question now leads to the new one.
    fixed = edited.replace("    next: when\n  witness:", "    next: witness\n  witness:", 1)
    page.locator("#source").fill(fixed)
    page.get_by_role("button", name="Save draft").click()
    page.locator(".flash-success", has_text="Draft saved").wait_for()
    assert page.locator(".finding.error").count() == 0
    assert page.locator('.node.unreachable').count() == 0

    # Try it as a resident would.
    page.get_by_role("link", name="Simulator").first.click()
    page.get_by_label("Message").fill("someone stole my bike")
    page.get_by_role("button", name="Send").click()
    page.locator(".transcript .bot").filter(has_text=NEW).wait_for()
    page.get_by_label("Message").fill("120 Main St")
    page.get_by_role("button", name="Send").click()
    page.locator(".transcript .bot").filter(has_text="Did anyone see it?").wait_for()
    page.get_by_label("Message").fill("HELP")
    page.get_by_role("button", name="Send").click()
    page.locator(".transcript .bot").filter(has_text="Reply MENU to start over").wait_for()

    # Publish.
    page.get_by_role("link", name="Back to the editor").click()
    page.get_by_role("button", name="Publish the saved draft").click()
    page.get_by_text("Published flow 'theft' version 2").wait_for()
    assert page.locator("th", has_text="2").locator(".badge.live").count() == 1

    # A new conversation gets the new text; the one under way finishes on the old version.
    after = Phone(sms, fake_twilio.auth_token, "+13125550182")
    assert NEW in after.send("someone stole my bike")
    assert "Did anyone see it?" in after.send("120 Main St")

    assert "When did it happen?" in before.send("120 Main St")
    assert OLD in before.send("back")
    for text in ["120 Main St", "yesterday 3pm", "red bike", "skip", "yes"]:
        reply = before.send(text)
        assert "Did anyone see it?" not in reply
    reference_in(before.send("yes"))

    page.goto("/admin/")
    assert "flow published" in page.locator("table").last.inner_text()


def test_staff_without_the_admin_role_cannot_reach_the_editor(live_app, new_page):
    page = new_page()
    log_in(page, "ana@city.example.gov")
    response = page.goto("/admin/flows/theft/edit")
    assert response.status == 403
    assert "for admins only" in page.content()
    assert page.goto("/admin/").status == 403

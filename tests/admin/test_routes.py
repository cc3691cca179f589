"""The editor's pages: only administrators reach them; what each page shows and does."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

import pytest

from bot import create_app
from bot.cli import upgrade_and_seed
from tests.admin.conftest import PASSWORD, Editor, audit_actions, make_account, seed_text, simulate

PAGES = ["/admin/", "/admin/flows/theft", "/admin/flows/theft/edit", "/admin/flows/theft/diff",
         "/admin/flows/theft/versions/1", "/admin/flows/theft/simulate",
         "/admin/flows/theft/diagram.svg", "/admin/routing", "/admin/routing/edit"]


@pytest.mark.parametrize("path", PAGES)
def test_someone_not_logged_in_is_sent_to_the_log_in_page(client, path):
    response = client.get(path)
    assert response.status_code == 302 and "/staff/login" in response.headers["Location"]


@pytest.mark.parametrize("role, agency", [("staff", "city311"), ("supervisor", None)])
def test_staff_without_the_admin_role_cannot_reach_the_editor(app, client, role, agency):
    make_account(app, "sam@city.example.gov", role, agency)
    person = Editor(client)
    person.login("sam@city.example.gov")
    for path in PAGES:
        assert client.get(path).status_code == 403, path
    assert client.post("/admin/flows/theft/edit", data={"source": "x", "action": "save"}
                       ).status_code == 403
    assert client.post("/admin/flows/theft/publish").status_code == 403
    assert client.post("/admin/flows/theft/rollback/1").status_code == 403
    assert audit_actions(app)[-1][1] == "login"


@pytest.mark.parametrize("path", PAGES)
def test_an_admin_reaches_every_page(admin, path):
    admin.page(path)


def test_the_flow_list_shows_versions_and_languages_awaiting_review(admin):
    page = admin.page("/admin/")
    for name in ("intake", "theft", "damage", "parking"):
        assert f'href="/admin/flows/{name}"' in page
    assert "Soomaali" in page and "Hmoob" in page and "badge machine" in page
    assert "System messages and words" in page  # system.yaml awaits review too


def test_the_editor_marks_machine_drafted_texts_for_review(admin):
    page = admin.page("/admin/flows/theft/edit")
    assert "Awaiting review by a native speaker" in page
    assert "so: awaiting review" in page and "hmn: awaiting review" in page
    assert "No problems found: this can be published." in page


def test_checking_a_draft_lists_errors_by_line_without_saving_it(app, admin):
    broken = seed_text("theft").replace("  where:\n", "  lost:\n    type: text\n    field: x\n"
                                        "    prompt: {en: a, es: a, so: a, hmn: a}\n"
                                        "    next: when\n  where:\n")
    page = admin.post("/admin/flows/theft/edit", {"source": broken, "action": "check"}
                      ).get_data(as_text=True)
    line = broken.splitlines().index("  lost:") + 1
    assert f'<a href="#L{line}">line {line}</a>' in page
    assert "step &#39;lost&#39;</strong>: no step leads here: link it from another step" in page
    assert f'<li id="L{line}" value="{line}" class="error">' in page
    assert "flow_draft_saved" not in [a[1] for a in audit_actions(app)]


def test_saving_publishing_and_the_version_list(app, admin):
    admin.save_draft("theft", seed_text("theft").replace("What was stolen?", "What was taken?"))
    assert "draft in progress" in admin.page("/admin/")
    response = admin.publish("theft")
    assert response.status_code == 302
    page = admin.page(response.headers["Location"])
    assert "Published flow &#39;theft&#39; version 2" in page
    assert "finish on the version they started on" in page
    assert "Roll back to version 1" in page
    diff = admin.page("/admin/flows/theft/diff?a=1&b=2")
    assert '<span class="add">+      en: &#34;Sorry this happened. What was taken?&#34;' in diff


def test_publishing_without_a_draft_says_what_to_do(admin):
    response = admin.publish("theft")
    assert response.status_code == 302
    assert "has no draft to publish" in admin.page(response.headers["Location"])


def test_an_unknown_flow_or_version_is_404(admin):
    assert admin.client.get("/admin/flows/lost_pets").status_code == 404
    assert admin.client.get("/admin/flows/theft/versions/9").status_code == 404
    assert admin.client.get("/admin/flows/theft/diff?a=1&b=draft").status_code == 404


def test_the_diagram_is_an_svg_of_the_state_machine(admin):
    response = admin.client.get("/admin/flows/theft/diagram.svg?version=1")
    assert response.mimetype == "image/svg+xml"
    root = ElementTree.fromstring(response.data)
    steps = {g.get("data-step") for g in root.iter("{http://www.w3.org/2000/svg}g")
             if g.get("data-step")}
    assert steps == {"item", "where", "when", "description", "photos", "contact", "confirm",
                     "submit"}
    intake = ElementTree.fromstring(admin.client.get("/admin/flows/intake/diagram.svg").data)
    assert {"flow:theft", "flow:damage", "flow:parking"} <= {
        g.get("data-step") for g in intake.iter("{http://www.w3.org/2000/svg}g")}


def test_the_simulator_runs_the_draft_as_a_resident_gets_it(admin):
    admin.save_draft("theft", seed_text("theft").replace("What was stolen?", "What was taken?"))
    page = simulate(admin, "/admin/flows/theft/simulate", ["hello", "1"])
    assert "What do you want to report?" in page and "What was taken?" in page


def test_the_simulator_keeps_the_safety_check_and_the_global_commands(app, admin):
    admin.save_draft("theft", seed_text("theft"))
    page = simulate(admin, "/admin/flows/theft/simulate",
                    ["my bike was stolen", "help", "someone is breaking into my car right now"])
    assert "Reply MENU to start over" in page
    assert "Safety check: emergency" in page and "call 911 now" in page
    page = simulate(admin, "/admin/flows/theft/simulate", ["my bike was stolen", "STOP", "hi"])
    assert "You will get no more texts" in page and "(no reply)" in page
    page = simulate(admin, "/admin/flows/theft/simulate", ["hi", "SOMALI"])
    assert "Hagaag, Af-Soomaali." in page
    assert "escalations" not in [a[1] for a in audit_actions(app)]


def test_the_simulator_refuses_a_draft_with_errors(admin):
    admin.save_draft("theft", seed_text("theft").replace("    next: when\n", "", 1))
    page = simulate(admin, "/admin/flows/theft/simulate", ["hello"])
    assert "fix them in the editor before simulating" in page
    assert "What do you want to report?" not in page


def test_nothing_the_simulator_does_reaches_the_real_database(app, admin):
    from tests.helpers import all_reports, inbound_bodies

    simulate(admin, "/admin/flows/theft/simulate",
             ["someone stole my bike", "120 Main St", "yesterday 3pm", "red bike", "skip", "yes",
              "yes"])
    assert all_reports(app) == [] and inbound_bodies(app) == []


def test_every_change_needs_the_csrf_token(config):
    app = create_app({**config, "WTF_CSRF_ENABLED": True})
    upgrade_and_seed(app)
    make_account(app, "ada@city.example.gov", "admin")
    client = app.test_client()
    login = client.get("/staff/login").get_data(as_text=True)
    token = login.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    client.post("/staff/login", data={"email": "ada@city.example.gov", "password": PASSWORD,
                                      "csrf_token": token})
    assert client.get("/admin/").status_code == 200
    for path in ("/admin/flows/theft/publish", "/admin/flows/theft/rollback/1",
                 "/admin/flows/theft/discard"):
        assert client.post(path).status_code == 400, path
    refused = client.post("/admin/flows/theft/edit", data={"source": "x", "action": "save"})
    assert refused.status_code == 400
    app.extensions["bot"].db.dispose()

"""The routing table is edited, checked and versioned like a flow; new reports follow it."""

from __future__ import annotations

from bot.app import services
from bot.config import ROOT
from bot.storage import routing_store
from tests.admin.conftest import audit_actions, simulate
from tests.helpers import THEFT_BY_SMS, all_reports

ROUTING = (ROOT / "config" / "routing.yaml").read_text(encoding="utf-8")


def file_theft(phone) -> str:
    reply = ""
    for text in THEFT_BY_SMS + ["yes"]:
        reply = phone.send(text)
    return reply


def test_the_seed_file_is_routing_version_1(app):
    with services(app).db.connect() as conn:
        assert routing_store.latest_source(conn) == (1, ROUTING)


def test_a_published_routing_change_routes_new_reports(app, admin, make_phone):
    bikes_to_traffic = ROUTING.replace(
        "  - {type: theft, agency: city311}\n",
        "  - {type: theft, subtype: bicycle, agency: traffic}\n"
        "  - {type: theft, agency: city311}\n")
    assert admin.post("/admin/routing/edit", {"source": bikes_to_traffic,
                                              "action": "save"}).status_code == 302
    assert admin.post("/admin/routing/publish").status_code == 302

    reply = file_theft(make_phone("+13125550111"))
    assert "Your report went to Traffic Control" in reply
    assert [r["agency"] for r in all_reports(app)] == ["traffic"]
    assert services(app).registry.routing.route("theft", "bicycle").key == "traffic"
    assert audit_actions(app)[-1][1:] == ("routing_published", "routing")


def test_a_routing_draft_that_leaves_a_report_type_unrouted_is_not_published(app, admin, phone):
    unrouted = ROUTING.replace("  - {type: parking, agency: traffic}\n", "")
    admin.post("/admin/routing/edit", {"source": unrouted, "action": "save"})
    response = admin.post("/admin/routing/publish")
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Not published" in page and "flow &#39;parking&#39; files &#39;parking&#39;" in page
    with services(app).db.connect() as conn:
        assert routing_store.latest_version(conn) == 1


def test_the_routing_simulator_files_a_report_with_the_draft_routing(admin):
    draft = ROUTING.replace("{type: theft, agency: city311}", "{type: theft, agency: traffic}")
    admin.post("/admin/routing/edit", {"source": draft, "action": "save"})
    page = simulate(admin, "/admin/routing/simulate", THEFT_BY_SMS + ["yes"])
    assert "Your report went to Traffic Control" in page

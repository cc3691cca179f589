"""CSV export of the filtered queue, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io

from bot.staff.export import safe_cell


def test_export_holds_the_filtered_queue(supervisor, seed):
    theft = seed.report(type="theft", description="blue bike")
    seed.report(type="parking", subtype="blocking")
    response = supervisor.get("/staff/reports.csv?type=theft")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert [r["reference"] for r in rows] == [theft["reference"]]
    assert rows[0]["description"] == "blue bike"
    assert rows[0]["status"] == "new" and rows[0]["photos"] == "0"


def test_export_never_starts_a_cell_with_a_formula(supervisor, seed):
    seed.report(description='=HYPERLINK("http://evil.example","click")',
                location="+1 Main St")
    rows = list(csv.DictReader(io.StringIO(supervisor.page("/staff/reports.csv"))))
    assert rows[0]["description"] == '\'=HYPERLINK("http://evil.example","click")'
    assert rows[0]["location"] == "'+1 Main St"


def test_each_dangerous_first_character_is_defused():
    for text in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert safe_cell(text) == "'" + text
    assert safe_cell("plain") == "plain" and safe_cell(None) == "" and safe_cell(3) == "3"


def test_export_is_audited(supervisor, seed, app):
    from bot.app import services
    from bot.staff import audit

    supervisor.get("/staff/reports.csv?status=new")
    with services(app).db.connect() as conn:
        [entry] = [e for e in audit.recent(conn) if e["action"] == "queue_exported"]
    assert entry["after"] == {"filter": {"status": "new"}}

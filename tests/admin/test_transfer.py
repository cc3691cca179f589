"""flows export DIR and flows import [DIR]: YAML out of the database and back, without loss."""

from __future__ import annotations

from bot.app import services
from bot.config import ROOT
from bot.storage import flow_store, routing_store
from tests.admin.conftest import FLOWS, audit_actions, seed_text

NAMES = ["damage", "intake", "parking", "theft"]


def cli(app, *args):
    result = app.test_cli_runner().invoke(args=list(args))
    return result.exit_code, result.output


def versions(app) -> dict:
    with services(app).db.connect() as conn:
        found = flow_store.latest_versions(conn)
        found["routing"] = routing_store.latest_version(conn)
    return found


def test_export_writes_every_flow_and_the_routing_table_byte_for_byte(app, tmp_path):
    code, out = cli(app, "flows", "export", str(tmp_path / "out"))
    assert code == 0 and "wrote 5 files" in out
    for name in NAMES:
        assert (tmp_path / "out" / f"{name}.yaml").read_bytes() == (
            FLOWS / f"{name}.yaml").read_bytes()
    assert (tmp_path / "out" / "routing.yaml").read_bytes() == (
        ROOT / "config" / "routing.yaml").read_bytes()


def test_importing_what_was_exported_publishes_nothing(app, tmp_path):
    cli(app, "flows", "export", str(tmp_path))
    before = versions(app)
    code, out = cli(app, "flows", "import", str(tmp_path))
    assert code == 0 and "every flow is already up to date" in out
    assert versions(app) == before


def test_a_changed_file_is_published_and_exports_again_unchanged(app, tmp_path):
    cli(app, "flows", "export", str(tmp_path))
    theft = tmp_path / "theft.yaml"
    edited = theft.read_text(encoding="utf-8").replace(
        "# Theft of property", "# Comments survive too.\n# Theft of property").replace(
        "What was stolen?", "What was taken?")
    theft.write_text(edited, encoding="utf-8")
    code, out = cli(app, "flows", "import", str(tmp_path), "--author", "ops")
    assert code == 0 and out.strip() == "published theft version 2"
    assert audit_actions(app)[-1] == ("ops", "flow_published", "flow:theft")

    again = tmp_path / "again"
    cli(app, "flows", "export", str(again))
    assert (again / "theft.yaml").read_text(encoding="utf-8") == edited
    assert (again / "intake.yaml").read_bytes() == (FLOWS / "intake.yaml").read_bytes()


def test_a_changed_routing_file_is_published(app, tmp_path):
    cli(app, "flows", "export", str(tmp_path))
    routing = tmp_path / "routing.yaml"
    routing.write_text(routing.read_text(encoding="utf-8").replace(
        "hours: Mon-Fri 8am-6pm", "hours: Mon-Sat 8am-6pm"), encoding="utf-8")
    code, out = cli(app, "flows", "import", str(tmp_path))
    assert code == 0 and out.strip() == "published routing version 2"


def test_import_refuses_everything_when_one_file_has_an_error(app, tmp_path):
    cli(app, "flows", "export", str(tmp_path))
    (tmp_path / "theft.yaml").write_text(seed_text("theft").replace("What was stolen?", "Why?"),
                                         encoding="utf-8")
    (tmp_path / "parking.yaml").write_text(seed_text("parking").replace(
        "label: {en: \"Something else\",", "label: {en: \"Stop\","), encoding="utf-8")
    before = versions(app)
    code, out = cli(app, "flows", "import", str(tmp_path))
    assert code == 1
    assert "nothing was imported" in out
    assert "parking.yaml: line" in out and "step 'problem': choice 'other' label (en) 'Stop'" in out
    assert versions(app) == before


def test_import_without_a_directory_reads_flows_and_the_routing_file(app):
    code, out = cli(app, "flows", "import")
    assert code == 0 and "every flow is already up to date" in out

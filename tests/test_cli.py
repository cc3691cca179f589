"""The README's first command: `flask --app bot dev` prepares the database and serves the chat."""

from __future__ import annotations

import bot.cli


def test_dev_seeds_the_database_and_serves_with_the_simulator_on(app, monkeypatch):
    served = {}

    def fake_run_simple(host, port, application, **kwargs):
        served.update(host=host, port=port, app=application)

    monkeypatch.setattr(bot.cli, "run_simple", fake_run_simple)
    result = app.test_cli_runner().invoke(args=["dev", "--port", "5099"])
    assert result.exit_code == 0, result.output
    assert "http://127.0.0.1:5099/chat" in result.output
    assert served == {"host": "127.0.0.1", "port": 5099, "app": app}
    assert app.config["TWILIO_VALIDATE"] is False


def test_flows_validate_reports_every_flow(app):
    result = app.test_cli_runner().invoke(args=["flows", "validate"])
    assert result.exit_code == 0
    assert "damage, intake, parking, theft" in result.output

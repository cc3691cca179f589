"""`flask --app bot users create EMAIL --role staff --agency city311` and friends."""

from __future__ import annotations

from tests.staff.conftest import PASSWORD, Console


def test_cli_creates_a_staff_account_that_can_log_in(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["users", "create", "ana@city.example.gov", "--role", "staff",
                                 "--agency", "city311", "--password", PASSWORD])
    assert result.exit_code == 0, result.output
    assert "created staff account ana@city.example.gov for city311" in result.output
    assert Console(app.test_client()).login("ana@city.example.gov").status_code == 302


def test_cli_takes_the_password_from_the_environment_or_a_prompt(app):
    runner = app.test_cli_runner()
    from_env = runner.invoke(args=["users", "create", "sam@city.example.gov", "--role",
                                   "supervisor"], env={"STAFF_PASSWORD": PASSWORD})
    assert from_env.exit_code == 0, from_env.output
    prompted = runner.invoke(args=["users", "create", "root@city.example.gov", "--role",
                                   "admin"], input=f"{PASSWORD}\n{PASSWORD}\n")
    assert prompted.exit_code == 0, prompted.output
    listing = runner.invoke(args=["users", "list"]).output
    assert "sam@city.example.gov\tsupervisor" in listing
    assert "root@city.example.gov\tadmin" in listing


def test_cli_explains_what_is_wrong(app):
    runner = app.test_cli_runner()
    no_agency = runner.invoke(args=["users", "create", "a@city.example.gov", "--password",
                                    PASSWORD])
    assert no_agency.exit_code != 0 and "needs --agency" in no_agency.output
    bad_agency = runner.invoke(args=["users", "create", "a@city.example.gov", "--agency",
                                     "police", "--password", PASSWORD])
    assert "unknown agency 'police'" in bad_agency.output
    short = runner.invoke(args=["users", "create", "a@city.example.gov", "--agency",
                                "city311", "--password", "short"])
    assert "at least 12 characters" in short.output
    runner.invoke(args=["users", "create", "a@city.example.gov", "--agency", "city311",
                        "--password", PASSWORD])
    again = runner.invoke(args=["users", "create", "A@city.example.gov", "--agency",
                                "city311", "--password", PASSWORD])
    assert "already exists" in again.output

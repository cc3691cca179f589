"""HELP, MENU, BACK, CANCEL, STATUS, STOP/START and languages work at any step."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.storage.tables import contacts
from tests.conftest import reference_in
from tests.helpers import THEFT_BY_SMS, all_reports, count


def finish_theft(phone) -> str:
    reply = ""
    for text in THEFT_BY_SMS + ["yes"]:
        reply = phone.send(text)
    return reference_in(reply)


def test_help_explains_and_repeats_the_question(phone):
    phone.send("my bike was stolen")
    reply = phone.send("HELP")
    assert "911" in reply and "MENU" in reply
    assert "Where did it happen" in reply


def test_commands_ignore_case_and_punctuation(phone):
    phone.send("my bike was stolen")
    assert "What do you want to report?" in phone.send("  Menu! ")
    assert "What do you want to report?" in phone.send("start over")


def test_back_goes_to_the_previous_question(phone):
    phone.send("my bike was stolen")
    phone.send("120 Main St")
    assert "Where did it happen" in phone.send("back")
    assert "What was stolen" in phone.send("BACK")
    assert "What do you want to report" in phone.send("back")
    assert "first question" in phone.send("back")


def test_cancel_drops_the_report_and_nothing_is_filed(app, phone):
    phone.send("my bike was stolen")
    phone.send("120 Main St")
    assert "cancelled" in phone.send("cancel")
    assert all_reports(app) == []
    assert "no report in progress" in phone.send("CANCEL")
    assert "What do you want to report" in phone.send("hello")


def test_edit_from_the_summary_changes_one_answer(app, phone):
    for text in THEFT_BY_SMS:
        phone.send(text)
    menu = phone.send("edit")
    assert "What do you want to change?" in menu and "2 Where" in menu
    assert "Where did it happen" in phone.send("2")
    summary = phone.send("77 Pine Rd")
    assert "Please check" in summary and "77 Pine Rd" in summary
    phone.send("yes")
    assert all_reports(app)[0]["location"] == "77 Pine Rd"


def test_status_answers_only_the_number_that_filed_the_report(app, phone, make_phone):
    reference = finish_theft(phone)
    mine = phone.send(f"STATUS {reference.lower().replace('-', ' ')}")
    assert reference in mine and "received" in mine and "City 311" in mine
    stranger = make_phone("+13125550199")
    theirs = stranger.send(f"status {reference}")
    assert "found no report" in theirs
    assert "theft" not in theirs and "311" not in theirs


def test_status_without_a_reference_shows_the_latest_report(phone):
    reference = finish_theft(phone)
    assert reference in phone.send("status")


def test_three_wrong_answers_offer_a_restart(phone):
    phone.send("my bike was stolen")
    phone.send("?!")
    phone.send("no idea")
    third = phone.send("hmm")
    assert "MENU to start over" in third


def test_stop_is_honoured_until_start(app, phone):
    phone.send("my bike was stolen")
    assert "no more texts" in phone.send("STOP")
    assert phone.send("120 Main St") == ""
    assert phone.send("hello?") == ""
    with app.extensions["bot"].db.connect() as conn:
        row = conn.execute(contacts.select()).mappings().one()
    assert row["opted_out"] is True or row["opted_out"] == 1
    back = phone.send("start")
    assert "Welcome back" in back and "continue" in back
    assert "Where did it happen" in phone.send("1")


def test_twilio_advanced_opt_out_is_recorded(app, phone):
    form = phone.form("quit")
    form["OptOutType"] = "STOP"
    assert phone.post(form).status_code == 200
    assert count(app, contacts, contacts.c.opted_out.is_(True)) == 1


def test_resident_picks_spanish_and_gets_every_step_in_spanish(app, phone):
    assert "Para español, responda ES" in phone.send("hola")
    menu = phone.send("ES")
    assert "¿Qué quiere reportar?" in menu
    assert "¿Qué le robaron?" in phone.send("1")
    assert "Responda con un número del 1 al 6" in phone.send("no sé")


def test_spanish_first_message_is_understood_and_answered_in_spanish(app, phone):
    reply = phone.send("me robaron la bicicleta")
    assert "¿Dónde ocurrió?" in reply
    for text in ["Calle 5 y Lake St", "ayer 3pm", "bicicleta roja", "omitir", "si"]:
        reply = phone.send(text)
    assert "Revise" in reply
    done = phone.send("sí")
    assert "Su número de referencia es" in done
    (report,) = all_reports(app)
    assert report["language"] == "es"


def test_a_conversation_idle_for_a_day_asks_to_resume(app, phone):
    engine = app.extensions["bot"].engine
    phone.send("my bike was stolen")
    real_clock = engine.clock
    engine.clock = lambda: real_clock() + timedelta(hours=25)
    try:
        assert "continue it or 2 to start over" in phone.send("120 Main St")
        assert "Where did it happen" in phone.send("1")
        phone.send("120 Main St")
        engine.clock = lambda: real_clock() + timedelta(hours=60)
        phone.send("yesterday")
        assert "What do you want to report" in phone.send("2")
    finally:
        engine.clock = real_clock


@pytest.fixture
def at_the_time_step_at_1_30_am(app, phone):
    """A damage report up to its "when" question, at 1:30 a.m. on Nov 26, city time."""
    engine = app.extensions["bot"].engine
    real_clock = engine.clock
    engine.clock = lambda: datetime(2026, 11, 26, 7, 30, tzinfo=UTC)  # Chicago: UTC-6
    try:
        for text in ("hi", "2", "3", "Oak Ave & 5th St"):
            phone.send(text)
        yield phone
    finally:
        engine.clock = real_clock


@pytest.mark.parametrize("said", ["this morning", "today"])
def test_earlier_today_is_understood_before_its_usual_hour(at_the_time_step_at_1_30_am, said):
    """At 1:30 a.m. "this morning" (9 a.m.) and "today" (noon) have not come yet: the
    resident means earlier today, so the report takes today's date without an hour."""
    phone = at_the_time_step_at_1_30_am
    assert "future" not in phone.send(said)
    summary = "\n".join(phone.send(text) for text in ("window smashed", "skip", "no"))
    assert "Nov 26" in summary and "01:30" not in summary
    assert reference_in(phone.send("yes")).startswith("D-")


def test_a_clock_time_later_today_is_still_refused(at_the_time_step_at_1_30_am):
    assert "in the future" in at_the_time_step_at_1_30_am.send("today 3pm")


def test_two_messages_from_one_number_at_once_are_both_kept(app, fake_twilio):
    import threading

    from tests.conftest import Phone
    from tests.helpers import inbound_bodies

    number = "+13125550111"
    Phone(app.test_client(), fake_twilio.auth_token, number).send("my bike was stolen")
    results = []

    def send(text):
        phone = Phone(app.test_client(), fake_twilio.auth_token, number)
        results.append(phone.post(phone.form(text)).status_code)

    threads = [threading.Thread(target=send, args=(t,)) for t in ("120 Main St", "yesterday")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert results == [200, 200]
    assert sorted(inbound_bodies(app)[1:]) == ["120 Main St", "yesterday"]
    # handled one after the other: the address, then the time, whichever came first
    with app.extensions["bot"].db.connect() as conn:
        from bot.storage.tables import conversations

        state = conn.execute(conversations.select()).mappings().one()["state"]
    assert state in ("when", "description")


def test_menu_mid_report_closes_the_old_conversation_and_starts_a_new_one(app, phone):
    from sqlalchemy import select

    from bot.storage.tables import conversations
    from tests.helpers import db

    phone.send("my bike was stolen")
    phone.send("120 Main St")
    assert "What do you want to report" in phone.send("menu")
    with db(app).connect() as conn:
        rows = conn.execute(select(conversations.c.flow, conversations.c.status,
                                   conversations.c.state).order_by(conversations.c.id)).all()
    (old_flow, old_status, old_state), (new_flow, new_status, new_state) = rows
    assert (old_flow, old_status, old_state) == ("theft", "abandoned", "when")
    assert (new_flow, new_status) == ("intake", "active")
    assert "What do you want to report" in phone.send("hello")

"""Publishing changes what new conversations get; conversations under way finish on theirs."""

from __future__ import annotations

from tests.admin.conftest import seed_text
from tests.conftest import reference_in
from tests.helpers import all_reports

OLD = "Where did it happen?"
NEW = "Where was it stolen from?"


def publish_theft(admin, source: str) -> None:
    assert admin.save_draft("theft", source).status_code == 302
    assert admin.publish("theft").status_code == 302


def test_a_conversation_under_way_finishes_on_its_version_and_a_new_one_gets_the_new_text(
        app, admin, make_phone):
    before = make_phone("+13125550101")
    assert OLD in before.send("someone stole my bike")

    publish_theft(admin, seed_text("theft").replace(OLD, NEW).replace(
        "Describe what was taken", "Tell us what was taken"))

    after = make_phone("+13125550102")
    assert NEW in after.send("someone stole my bike")
    assert "Tell us what was taken" in after.send("120 Main St") + after.send("yesterday 3pm")

    assert "Describe what was taken" in before.send("120 Main St") + before.send("yesterday 3pm")
    assert OLD in before.send("back") + before.send("back")  # even going back shows the old text
    for text in ["120 Main St", "yesterday 3pm", "red bike", "skip", "yes"]:
        before.send(text)
    reference_in(before.send("yes"))
    assert [r["type"] for r in all_reports(app)] == ["theft"]


def test_help_mid_conversation_repeats_the_question_of_the_pinned_version(admin, phone):
    phone.send("someone stole my bike")
    publish_theft(admin, seed_text("theft").replace(OLD, NEW))
    reply = phone.send("HELP")
    assert OLD in reply and NEW not in reply


def test_rolling_back_gives_new_conversations_the_old_text_again(admin, make_phone):
    publish_theft(admin, seed_text("theft").replace(OLD, NEW))
    assert NEW in make_phone("+13125550103").send("someone stole my bike")
    assert admin.post("/admin/flows/theft/rollback/1").status_code == 302
    assert OLD in make_phone("+13125550104").send("someone stole my bike")

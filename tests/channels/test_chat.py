"""A resident files a report in the web chat, over the same engine as SMS."""

from __future__ import annotations

from tests.conftest import reference_in
from tests.helpers import all_reports


def test_chat_page_is_served_without_external_assets(client):
    page = client.get("/chat")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert 'aria-live="polite"' in html and "<label" in html
    assert "http://" not in html and "https://" not in html


def test_theft_report_in_web_chat(app, chat):
    assert "Where did it happen" in chat.send("somebody stole my scooter")
    chat.send("Main St and 3rd Ave")
    chat.send("2 hours ago")
    chat.send("black Segway scooter")
    chat.send("skip")
    summary = chat.send("(312) 555-0142")
    assert "+13125550142" in summary
    done = chat.send("yes")
    reference = reference_in(done)
    (report,) = all_reports(app)
    assert report["reference"] == reference
    assert report["channel"] == "chat"
    assert report["contact_phone"] == "+13125550142"
    assert report["location"] == "Main St & 3rd Ave"


def test_chat_without_a_phone_number_can_decline_contact(app, chat):
    for text in ["parking", "5", "900 W Lake St", "3 days ago", "blue van, flat tires", "skip"]:
        chat.send(text)
    assert "like 612-555-0142" in chat.send("yes")  # a web chat has no number to say yes to
    assert "Please check" in chat.send("no")
    assert "Traffic Control" in chat.send("yes")
    (report,) = all_reports(app)
    assert report["subtype"] == "abandoned_vehicle" and report["contact_phone"] is None


def test_bad_chat_requests_get_a_clear_400(client):
    cases = [
        ("not json", "send JSON"),
        ({"text": "hi"}, "session"),
        ({"session": "short", "text": "hi"}, "session"),
        ({"session": "abcdefgh123", "text": 5}, "text"),
        ({"session": "abc def gh123", "text": "hi"}, "session"),
    ]
    for payload, word in cases:
        if isinstance(payload, str):
            response = client.post("/chat/messages", data=payload,
                                   content_type="application/json")
        else:
            response = client.post("/chat/messages", json=payload)
        assert response.status_code == 400, payload
        assert word in response.get_json()["error"]


def test_chat_resent_with_the_same_id_is_answered_once(app, client):
    body = {"session": "resend-test-1", "text": "my bike was stolen", "id": "m1"}
    first = client.post("/chat/messages", json=body).get_json()
    again = client.post("/chat/messages", json=body).get_json()
    assert first == again
    nxt = client.post("/chat/messages", json={**body, "text": "hello", "id": "m2"}).get_json()
    assert "street address" in nxt["replies"][0]

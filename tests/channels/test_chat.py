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


def _limited_app(config, **limits):
    from bot import create_app
    from bot.cli import upgrade_and_seed

    app = create_app({**config, **limits})
    upgrade_and_seed(app)
    return app


def _send(client, session, text="hello", address="203.0.113.7", forwarded=None):
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    return client.post("/chat/messages", json={"session": session, "text": text},
                       headers=headers, environ_base={"REMOTE_ADDR": address})


def test_one_chat_session_flooding_the_api_is_asked_to_wait(config):
    app = _limited_app(config, CHAT_SESSION_LIMIT="3/minute")
    client = app.test_client()
    assert [_send(client, "flooding-1").status_code for _ in range(3)] == [200, 200, 200]
    refused = _send(client, "flooding-1")
    assert refused.status_code == 429
    assert "Wait a minute" in refused.get_json()["error"]
    assert _send(client, "someone-else").status_code == 200  # other residents go on
    app.extensions["bot"].sender.close()


def test_the_address_limit_counts_each_client_behind_a_trusted_proxy(config):
    direct = _limited_app(config, CHAT_LIMIT="2/minute")
    client = direct.test_client()
    # No trusted proxy: X-Forwarded-For is the sender's own word and is ignored.
    codes = [_send(client, f"session-{i:04}", forwarded=f"198.51.100.{i}").status_code
             for i in range(3)]
    assert codes == [200, 200, 429]
    direct.extensions["bot"].sender.close()

    proxied = _limited_app(config, CHAT_LIMIT="2/minute", TRUSTED_PROXY_HOPS=1)
    client = proxied.test_client()
    codes = [_send(client, f"session-{i:04}", address="10.0.0.1",
                   forwarded=f"198.51.100.{i}").status_code for i in range(3)]
    assert codes == [200, 200, 200]  # three residents behind one proxy
    again = [_send(client, "session-0009", address="10.0.0.1",
                   forwarded="198.51.100.1").status_code for _ in range(2)]
    assert again == [200, 429]  # the second resident's own third message
    proxied.extensions["bot"].sender.close()

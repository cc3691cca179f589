"""A resident files reports by text message through Twilio's signed webhook."""

from __future__ import annotations

from urllib.parse import urlencode

from bot.storage.tables import attachments, messages
from tests.conftest import PUBLIC_URL, reference_in, replies_in
from tests.helpers import THEFT_BY_SMS, all_reports, count, inbound_bodies


def file_report(phone, answers):
    reply = ""
    for text in answers:
        reply = phone.send(text)
    return reply


def test_theft_report_by_sms_goes_to_311(app, phone):
    replies = [phone.send(t) for t in THEFT_BY_SMS]
    assert "Where did it happen" in replies[0] and "Bike" in replies[0]
    summary = replies[-1]
    assert "Please check" in summary and "120 Main St" in summary and "Red Trek" in summary
    done = phone.send("yes")
    reference = reference_in(done)
    assert "City 311" in done
    (report,) = all_reports(app)
    assert report["reference"] == reference
    assert report["type"] == "theft" and report["subtype"] == "bicycle"
    assert report["agency"] == "city311"
    assert report["location"] == "120 Main St"
    assert report["location_text"] == "120 main street"
    assert report["contact_phone"] == phone.number
    assert report["description"] == "Red Trek bike, serial WTU123"
    assert report["occurred_at"] is not None


def test_damage_report_by_sms_goes_to_311(app, phone):
    reply = file_report(phone, ["hi", "2", "3", "Oak Ave & 5th St", "this morning",
                                "front window smashed", "skip", "no", "yes"])
    reference = reference_in(reply)
    assert reference.startswith("D-")
    assert "City 311" in reply
    (report,) = all_reports(app)
    assert (report["type"], report["subtype"]) == ("damage", "building")
    assert report["agency"] == "city311"
    assert report["location"] == "Oak Ave & 5th St"
    assert report["contact_phone"] is None


def test_parking_report_goes_to_traffic_control(app, phone):
    reply = file_report(phone, ["a car is blocking my driveway", "455 elm st", "now",
                                "silver honda civic ABC123", "skip", "yes", "yes"])
    assert "Traffic Control" in reply
    (report,) = all_reports(app)
    assert (report["type"], report["subtype"], report["agency"]) == (
        "parking", "blocked_driveway", "traffic")
    assert report["routing"]["agency"] == "traffic"


def test_photos_sent_by_mms_are_kept_as_evidence(app, phone):
    for text in THEFT_BY_SMS[:4]:
        phone.send(text)
    reply = phone.send("", media=[("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/"
                                   "Media/ME1", "image/jpeg"),
                                  ("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/"
                                   "Media/ME2", "image/png")])
    assert "Got 2 photo(s)" in reply
    phone.send("yes")
    phone.send("yes")
    (report,) = all_reports(app)
    assert count(app, attachments, attachments.c.report_id == report["id"]) == 2


def test_a_retried_delivery_gets_the_same_reply_and_changes_nothing(app, phone):
    form = phone.form("someone stole my bike", sid="SM" + "d" * 32)
    first = phone.post(form)
    second = phone.post(form)
    assert first.status_code == second.status_code == 200
    assert first.get_data() == second.get_data()
    assert inbound_bodies(app) == ["someone stole my bike"]
    assert "street address" in phone.send("hello there")  # still waiting for the address


def test_a_forged_or_missing_signature_is_refused(app, phone):
    form = phone.form("someone stole my bike")
    assert phone.post(form, signature="bm90IGEgc2lnbmF0dXJl").status_code == 403
    response = phone.client.post("/sms", data=form)
    assert response.status_code == 403
    assert "signature" in response.get_data(as_text=True)
    assert inbound_bodies(app) == []


def test_a_signature_for_another_url_is_refused(phone):
    form = phone.form("hi")
    forged = phone.validator.compute_signature("https://elsewhere.example/sms", form)
    assert phone.post(form, signature=forged).status_code == 403


def test_a_missing_or_invalid_sender_gets_a_clear_400(phone):
    for sender in (None, "", "not-a-number"):
        form = phone.form("hi")
        if sender is None:
            del form["From"]
        else:
            form["From"] = sender
        response = phone.post(form)
        assert response.status_code == 400
        assert "From" in response.get_data(as_text=True)


def test_an_empty_message_gets_the_menu(phone):
    assert "What do you want to report?" in phone.send("")


def test_a_very_long_message_is_cut_and_answered(app, phone):
    reply = phone.send("my bike was stolen " + "x" * 5000)
    assert "Where did it happen" in reply
    (body,) = inbound_bodies(app)
    assert len(body) == app.config["MAX_INBOUND_CHARS"]


def test_emoji_and_non_latin_text_are_answered(phone):
    assert "What do you want to report?" in phone.send("🚲😡 你好")
    reply = phone.send("🙂")
    assert "number from 1 to 3" in reply


def test_unknown_words_get_a_reprompt_that_says_what_is_expected(phone):
    phone.send("my bike was stolen")
    assert "street address" in phone.send("blorp")


def test_status_callbacks_update_the_sent_message(app, client, phone, fake_twilio):
    from bot.outbound import queue

    services = app.extensions["bot"]
    with services.db.begin() as conn:
        message_id = queue(conn, channel="sms", address=phone.number, body="Update", kind="notice")
    services.sender.dispatch([message_id])
    services.sender.drain(5)
    sid = fake_twilio.messages[-1].sid
    form = {"MessageSid": sid, "MessageStatus": "delivered"}
    assert phone.post(form, path="/sms/status").status_code == 204
    from sqlalchemy import select

    with services.db.connect() as conn:
        status = conn.execute(select(messages.c.status).where(messages.c.id == message_id)).scalar()
    assert status == "delivered"
    unsigned = client.post("/sms/status", data=form)
    assert unsigned.status_code == 403


def test_signatures_are_checked_against_public_url(app, phone):
    assert app.config["PUBLIC_URL"] == PUBLIC_URL
    form = phone.form("hi")
    local = phone.validator.compute_signature("http://localhost/sms", form)
    assert phone.post(form, signature=local).status_code == 403


def test_markup_in_a_description_comes_back_intact_in_the_summary(phone):
    description = 'Red Trek <3 & "Fast" bell > horn'
    answers = [*THEFT_BY_SMS[:3], description, *THEFT_BY_SMS[4:]]
    summary = file_report(phone, answers)
    assert description in summary


def test_twiml_is_what_messaging_response_writes():
    from twilio.twiml.messaging_response import MessagingResponse

    from bot.channels.sms import _twiml

    for replies in ([], [""], ["plain"], ["a & b < c > d \"e\" 'f'", "second\nline"],
                    ["🚲 ¿Dónde? 你好", "", "]]> &amp;"]):
        expected = MessagingResponse()
        for text in replies:
            expected.message(text)
        assert _twiml(replies).get_data(as_text=True) == str(expected)


def test_a_signature_over_the_url_with_its_default_port_is_accepted(phone):
    # Twilio sometimes signs https://host:443/sms for https://host/sms.
    form = phone.form("someone stole my bike")
    host = PUBLIC_URL.removeprefix("https://").rstrip("/")
    signed = phone.validator.compute_signature(f"https://{host}:443/sms", form)
    assert phone.post(form, signature=signed).status_code == 200


def test_a_signature_header_with_non_ascii_text_is_refused_not_an_error(phone):
    assert phone.post(phone.form("hi"), signature="sïgnature✓").status_code == 403


def test_a_multipart_post_is_read_like_twilios_urlencoded_one(phone):
    form = phone.form("someone stole my bike")
    signature = phone.validator.compute_signature(PUBLIC_URL + "/sms", form)
    response = phone.client.post("/sms", data=form, content_type="multipart/form-data",
                                 headers={"X-Twilio-Signature": signature})
    assert response.status_code == 200
    assert "Where did it happen" in "\n".join(replies_in(response.get_data(as_text=True)))


def test_a_field_sent_twice_counts_once_as_signed(phone):
    form = phone.form("someone stole my bike")
    signature = phone.validator.compute_signature(PUBLIC_URL + "/sms", form)
    body = urlencode(form) + "&" + urlencode({"Body": "CANCEL"})
    response = phone.client.post("/sms", data=body, headers={"X-Twilio-Signature": signature},
                                 content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert "Where did it happen" in "\n".join(replies_in(response.get_data(as_text=True)))


def test_broken_percent_encoding_and_bytes_are_answered_not_an_error(app, phone):
    form = phone.form("placeholder")
    form["Body"] = "my bike \ufffd%ZZ"  # what the server reads the raw bytes below as
    signature = phone.validator.compute_signature(PUBLIC_URL + "/sms", form)
    raw = urlencode({k: v for k, v in form.items() if k != "Body"}).encode()
    raw += b"&Body=my+bike+%FF%ZZ"
    response = phone.client.post("/sms", data=raw, headers={"X-Twilio-Signature": signature},
                                 content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert "my bike \ufffd%ZZ" in inbound_bodies(app)


def test_a_body_over_the_size_limit_is_refused_with_413(app, phone):
    form = phone.form("x" * (app.config["MAX_CONTENT_LENGTH"] + 1))
    assert phone.post(form).status_code == 413
    assert count(app, messages) == 0


def test_a_form_read_before_the_webhook_is_still_read(app, phone):
    from flask import request

    @app.before_request
    def peek():  # another extension reading the form first consumes the body
        request.form.get("From")

    assert "Where did it happen" in phone.send("someone stole my bike")


def test_the_form_is_split_and_decoded_as_parse_qsl_does():
    from urllib.parse import parse_qsl

    from bot.channels.sms import _parse_form

    bodies = ["From=%2B13125550100&To=%2b16125550100&Body=hi+there",
              "Body=50%25+off%2B%2B&From=%2B1%2", "Body=%2B%2&x=%E2%9C%93%2B", "Body=%zz%2B",
              "a=%252B&b=%2%2B&c=+%2B+&d", "Body=caf%C3%A9+%2B1&Body=second", ""]
    for body in bodies:
        expected = {}
        for name, value in parse_qsl(body, keep_blank_values=True, errors="replace"):
            expected.setdefault(name, value)
        assert _parse_form(body) == expected, body

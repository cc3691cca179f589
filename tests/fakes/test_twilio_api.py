"""The fake Twilio answers the way twilio's library and the media downloader expect."""

from __future__ import annotations

import pytest
import requests
from twilio.base.exceptions import TwilioRestException

from bot.outbound import twilio_client


def test_created_message_can_be_fetched_back(fake_twilio):
    client = twilio_client(fake_twilio.config())

    created = client.messages.create(to="+15551234567", from_="+15005550006", body="Hi")
    fetched = client.messages(created.sid).fetch()

    assert (fetched.sid, fetched.to, fetched.body, fetched.status) == (
        created.sid, "+15551234567", "Hi", "queued"
    )


def test_wrong_credentials_are_refused(fake_twilio):
    client = twilio_client({**fake_twilio.config(), "TWILIO_AUTH_TOKEN": "wrong"})

    with pytest.raises(TwilioRestException) as refused:
        client.messages.create(to="+15551234567", from_="+15005550006", body="Hi")

    assert (refused.value.status, refused.value.code) == (401, 20003)
    assert fake_twilio.messages == []


def test_media_is_served_to_the_account(fake_twilio):
    url = fake_twilio.add_media("MM" + "a" * 32, b"\xff\xd8jpeg", "image/jpeg")
    auth = (fake_twilio.account_sid, fake_twilio.auth_token)
    fake_twilio.media_requires_auth = True

    anonymous = requests.get(url, timeout=5)
    answer = requests.get(url, auth=auth, timeout=5)

    assert anonymous.status_code == 401
    assert (answer.status_code, answer.content) == (200, b"\xff\xd8jpeg")
    assert answer.headers["Content-Type"] == "image/jpeg"
    assert fake_twilio.as_twilio_url(url).startswith("https://api.twilio.com/2010-04-01/Accounts/")


def test_status_callback_form_matches_the_message(fake_twilio):
    client = twilio_client(fake_twilio.config())
    created = client.messages.create(to="+15551234567", from_="+15005550006", body="Hi")

    form = fake_twilio.status_callback_form(created.sid, "undelivered", error_code=30003)

    assert form["MessageSid"] == created.sid
    assert (form["MessageStatus"], form["ErrorCode"], form["To"]) == (
        "undelivered", "30003", "+15551234567"
    )

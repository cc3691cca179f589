"""Photos: fetched from Twilio with the account's credentials, checked, stored, served to staff."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from bot.app import services
from bot.staff.media import allowed_url, looks_like
from bot.storage.tables import attachments
from tests.staff.conftest import JPEG, PNG


def _stored(app, attachment_id: int):
    with services(app).db.connect() as conn:
        return conn.execute(select(attachments).where(attachments.c.id == attachment_id)).one()


def test_photo_is_fetched_with_credentials_stored_and_shown(clerk_311, seed, app, fake_twilio):
    fake_twilio.media_requires_auth = True
    report = seed.report()
    url = fake_twilio.add_media("SM123", JPEG, "image/jpeg")
    photo_id = seed.attach(report, url)

    page = clerk_311.page(f"/staff/reports/{report['id']}")
    assert "Photos (1)" in page
    assert f'/staff/reports/{report["id"]}/photos/{photo_id}' in page

    response = clerk_311.get(f"/staff/reports/{report['id']}/photos/{photo_id}")
    assert response.status_code == 200
    assert response.mimetype == "image/jpeg"
    assert response.data == JPEG
    row = _stored(app, photo_id)
    assert row.size == len(JPEG)
    assert (Path(app.config["STAFF_MEDIA_DIR"]) / row.stored_path).read_bytes() == JPEG

    clerk_311.get(f"/staff/reports/{report['id']}/photos/{photo_id}")
    assert len(fake_twilio.media_requests) == 1  # served from the stored copy the second time


def test_a_non_image_is_refused(clerk_311, seed, fake_twilio):
    report = seed.report()
    photo_id = seed.attach(report, fake_twilio.add_media("SM1", b"<svg onload=alert(1)>",
                                                         "image/svg+xml"))
    response = clerk_311.get(f"/staff/reports/{report['id']}/photos/{photo_id}")
    assert response.status_code == 502
    assert "not an accepted image type: image/svg+xml" in response.get_data(as_text=True)


def test_an_image_label_on_other_content_is_refused(clerk_311, seed, fake_twilio):
    report = seed.report()
    photo_id = seed.attach(report, fake_twilio.add_media("SM1", b"MZ\x90\x00binary", "image/png"))
    response = clerk_311.get(f"/staff/reports/{report['id']}/photos/{photo_id}")
    assert response.status_code == 502
    assert "not a image/png image" in response.get_data(as_text=True)


def test_a_photo_over_the_size_limit_is_refused(clerk_311, seed, fake_twilio, app):
    app.config["STAFF_MEDIA_MAX_BYTES"] = 1024
    report = seed.report()
    photo_id = seed.attach(report, fake_twilio.add_media("SM1", PNG + b"\x00" * 2048,
                                                         "image/png"))
    response = clerk_311.get(f"/staff/reports/{report['id']}/photos/{photo_id}")
    assert response.status_code == 502
    assert "larger than 1 KB" in response.get_data(as_text=True)
    assert _stored(app, photo_id).stored_path is None


def test_a_url_outside_twilio_is_never_fetched(clerk_311, seed, fake_twilio):
    report = seed.report()
    photo_id = seed.attach(report, "http://169.254.169.254/latest/meta-data")
    response = clerk_311.get(f"/staff/reports/{report['id']}/photos/{photo_id}")
    assert response.status_code == 502
    assert "not a Twilio media URL" in response.get_data(as_text=True)


def test_mms_photo_sent_by_a_resident_reaches_the_report(clerk_311, phone, app, fake_twilio):
    from tests.conftest import reference_in

    url = fake_twilio.add_media("SMmms", JPEG, "image/jpeg")
    for text in ("someone stole my bike", "120 Main St", "yesterday 3pm", "red bike"):
        phone.send(text)
    phone.send("", media=[(url, "image/jpeg")])
    phone.send("yes")
    reference = reference_in(phone.send("yes"))
    queue = clerk_311.page("/staff/reports", query_string={"q": reference})
    report_path = queue.split(f'">{reference}<')[0].rsplit('href="', 1)[1]
    page = clerk_311.page(report_path)
    photo_path = page.split('<img src="')[1].split('"')[0]
    assert clerk_311.get(photo_path).data == JPEG


def test_only_twilio_urls_are_allowed():
    base = "http://127.0.0.1:5555"
    assert allowed_url("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/SM1/Media/ME1",
                       base)
    assert allowed_url(f"{base}/2010-04-01/Accounts/AC1/Messages/SM1/Media/ME1", base)
    assert not allowed_url("https://api.twilio.com.evil.example/x", base)
    assert not allowed_url("https://user:pw@api.twilio.com/x", base)
    assert not allowed_url("http://api.twilio.com/x", base)
    assert not allowed_url("http://127.0.0.1:5556/x", base)
    assert not allowed_url("https://api.twilio.com/../x", base)


def test_content_is_checked_against_its_type():
    assert looks_like(JPEG, "image/jpeg") and looks_like(PNG, "image/png")
    assert looks_like(b"GIF89a....", "image/gif")
    assert looks_like(b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image/webp")
    assert not looks_like(PNG, "image/jpeg")

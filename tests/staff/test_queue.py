"""The queue: filters, escalations first, keyset pages, search, and agency isolation."""

from __future__ import annotations

from datetime import timedelta

from tests.staff.conftest import references_in


def test_queue_lists_reports_newest_first_with_their_details(clerk_311, seed):
    older = seed.report(description="bike gone", age=timedelta(days=3))
    newer = seed.report(type="damage", subtype="graffiti", location="5th Ave & Pine",
                        age=timedelta(minutes=10))
    page = clerk_311.page("/staff/reports")
    assert page.index(newer["reference"]) < page.index(older["reference"])
    assert "5th Ave &amp; Pine" in page
    assert "damage · graffiti" in page
    assert "3 d" in page and "10 min" in page
    assert "New" in page


def test_filters_by_type_status_language_channel_and_date(supervisor, seed):
    theft = seed.report(type="theft", language="es", age=timedelta(days=10))
    damage = seed.report(type="damage", subtype="graffiti", channel="chat")
    parking = seed.report(type="parking", subtype="blocking")

    def shown(query: str) -> set[str]:
        return references_in(supervisor.page(f"/staff/reports?{query}"))

    assert shown("type=damage") == {damage["reference"]}
    assert shown("agency=traffic") == {parking["reference"]}
    assert shown("language=es") == {theft["reference"]}
    assert shown("channel=chat") == {damage["reference"]}
    assert shown("status=new") == {theft["reference"], damage["reference"],
                                   parking["reference"]}
    assert shown("status=closed") == set()
    from datetime import date

    last_week = (date.today() - timedelta(days=7)).isoformat()
    assert theft["reference"] not in shown(f"date_from={last_week}")
    assert shown(f"date_to={last_week}") == {theft["reference"]}


def test_keyset_pages_cover_every_report_once(supervisor, seed):
    made = {seed.report(age=timedelta(minutes=i))["reference"] for i in range(120)}
    seen: list[str] = []
    path = "/staff/reports?type=theft"
    for _ in range(5):
        page = supervisor.page(path)
        seen += sorted(references_in(page), key=page.index)
        if 'rel="next"' not in page:
            break
        path = page.split('rel="next" href="')[1].split('"')[0].replace("&amp;", "&")
        assert "type=theft" in path  # the filter follows to the next page
    assert len(seen) == 120
    assert set(seen) == made


def test_a_broken_page_link_is_a_clear_400(clerk_311):
    response = clerk_311.get("/staff/reports?after=nonsense")
    assert response.status_code == 400
    assert "page link is not valid" in response.get_data(as_text=True)


def test_search_by_reference_last_four_digits_and_words(clerk_311, seed):
    bike = seed.report(phone="+13125550142", description="Blue Trek bike, serial WTU123")
    package = seed.report(phone="+13125559876", subtype="package",
                          description="package taken from the porch")
    chat = seed.report(channel="chat", contact_phone="+16125554321", description="wallet")

    def found(q: str) -> set[str]:
        return references_in(clerk_311.page("/staff/reports", query_string={"q": q}))

    assert found(bike["reference"]) == {bike["reference"]}
    assert found(bike["reference"].lower().replace("-", "")) == {bike["reference"]}
    assert found("0142") == {bike["reference"]}
    assert found("4321") == {chat["reference"]}
    assert found("porch") == {package["reference"]}
    assert found("trek BIKE") == {bike["reference"]}
    assert found("nothing-like-this") == set()


def test_reports_with_an_open_escalation_come_first_and_are_marked(clerk_311, seed):
    calm = seed.report(age=timedelta(minutes=1))
    worried = seed.report(age=timedelta(days=2))
    seed.escalation(worried["contact_id"])
    page = clerk_311.page("/staff/reports")
    assert page.index(worried["reference"]) < page.index(calm["reference"])
    assert 'class="tag tag-escalation">Escalation<' in page
    assert page.count(worried["reference"]) == 1


def test_staff_of_traffic_never_see_a_311_report(make_user, console, seed):
    theft = seed.report(type="theft", phone="+13125550142", description="stolen scooter")
    parking = seed.report(type="parking", subtype="blocking", description="scooter blocking")
    make_user("tom@city.example.gov", "staff", "traffic")
    console.login("tom@city.example.gov")

    assert references_in(console.page("/staff/reports")) == {parking["reference"]}
    assert theft["reference"] not in references_in(console.page("/staff/reports?agency=city311"))
    for q in (theft["reference"], "0142", "scooter"):
        shown = references_in(console.page("/staff/reports", query_string={"q": q}))
        assert theft["reference"] not in shown
    csv = console.page("/staff/reports.csv")
    assert theft["reference"] not in csv and parking["reference"] in csv

    for path in (f"/staff/reports/{theft['id']}", f"/staff/reports/{theft['id']}/photos/1"):
        assert console.get(path).status_code == 404
    note = console.post(f"/staff/reports/{theft['id']}/notes", {"note-body": "peek"})
    assert note.status_code == 404
    status = console.post(f"/staff/reports/{theft['id']}/status",
                          {"status-status": "closed", "status-reason": "x"})
    assert status.status_code == 404
    reply = console.post(f"/staff/reports/{theft['id']}/reply", {"reply-body": "hi"})
    assert reply.status_code == 404


def test_supervisor_sees_every_agency(supervisor, seed):
    theft = seed.report(type="theft")
    parking = seed.report(type="parking", subtype="blocking")
    assert references_in(supervisor.page("/staff/reports")) == {theft["reference"],
                                                                parking["reference"]}


def test_word_search_pages_through_every_match(supervisor, seed):
    made = {seed.report(description=f"package {i} taken from the porch",
                        age=timedelta(minutes=i))["reference"] for i in range(70)}
    seed.report(description="bike taken")
    first = supervisor.page("/staff/reports", query_string={"q": "porch"})
    link = first.split('rel="next" href="')[1].split('"')[0].replace("&amp;", "&")
    second = supervisor.page(link)
    assert 'rel="next"' not in second
    assert references_in(first) | references_in(second) == made
    assert not references_in(first) & references_in(second)


def test_a_word_that_looks_like_a_reference_is_still_found(clerk_311, seed):
    boxes = seed.report(description="boxes stacked by the door were taken")
    shown = references_in(clerk_311.page("/staff/reports", query_string={"q": "Stacked"}))
    assert shown == {boxes["reference"]}

"""The wording form changes texts inside the YAML without disturbing anything else."""

from __future__ import annotations

import difflib

from bot.admin import wording
from bot.storage import drafts
from tests.admin.conftest import seed_text

LANGS = ["en", "es", "so", "hmn"]


def changed_lines(old: str, new: str) -> list[str]:
    return [line for line in difflib.ndiff(old.splitlines(), new.splitlines())
            if line[:1] in "+-"]


def test_every_text_of_a_flow_is_offered_in_every_language():
    found = wording.texts(seed_text("theft"), "flow", LANGS)
    keys = {t.key for t in found}
    assert {"title/hmn", "steps/where/prompt/so", "steps/item/choices/5/label/es"} <= keys
    where = [t for t in found if t.group == "where: question"]
    assert [t.lang for t in where] == LANGS and where[0].value.startswith("Where did it happen?")


def test_a_changed_text_is_replaced_in_place_and_nothing_else_moves():
    source = seed_text("theft")
    new = wording.apply(source, "flow", LANGS, {
        "steps/where/prompt/en": 'Where did it happen? Say "near" if unsure.',
        "steps/item/choices/0/label/so": "Baaskiil",
        "steps/when/prompt/es": "",  # empty: left as it is
    })
    assert changed_lines(source, new) == [
        '-         label: {en: "Bike or scooter", es: "Bicicleta o scooter", so: "Baaskiil ama '
        'iskuutar", hmn: "Tsheb kauj vab los sis scooter"}',
        '+         label: {en: "Bike or scooter", es: "Bicicleta o scooter", so: "Baaskiil", '
        'hmn: "Tsheb kauj vab los sis scooter"}',
        '-       en: "Where did it happen? Send a street address or the nearest cross streets."',
        '+       en: "Where did it happen? Say \\"near\\" if unsure."',
    ]
    assert new.startswith("# Theft of property that already happened.")


def test_a_missing_language_is_added_in_the_mapping_s_own_style():
    somali_where = next(line for line in seed_text("theft").splitlines(keepends=True)
                        if line.startswith('      so: "Xagee bay ka dhacday?'))
    source = seed_text("theft").replace(', hmn: "Lwm yam"', "").replace(somali_where, "")
    new = wording.apply(source, "flow", LANGS, {"steps/item/choices/5/label/hmn": "Lwm yam",
                                                "steps/where/prompt/so": "Xagee?"})
    assert '{en: "Something else", es: "Otra cosa", so: "Wax kale", hmn: "Lwm yam"}' in new
    assert '      es: "¿Dónde ocurrió?' in new and '      so: "Xagee?"\n    next: when' in new


def test_the_form_saves_a_draft_and_shows_what_awaits_review(app, admin):
    page = admin.page("/admin/flows/theft/wording")
    assert "machine-drafted, awaiting review" in page and 'name="steps/where/prompt/hmn"' in page
    response = admin.post("/admin/flows/theft/wording",
                          {"steps/where/prompt/en": "Where were you?"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/edit")
    with app.extensions["bot"].db.connect() as conn:
        draft = drafts.get(conn, "flow", "theft")
    assert draft["base_version"] == 1
    assert changed_lines(seed_text("theft"), draft["source"]) == [
        '-       en: "Where did it happen? Send a street address or the nearest cross streets."',
        '+       en: "Where were you?"']


def test_agency_names_are_edited_the_same_way(admin):
    page = admin.page("/admin/routing/wording")
    assert "agency traffic: name" in page
    admin.post("/admin/routing/wording", {"agencies/traffic/name/so": "Gaadiidka"})
    assert "so: Xakamaynta" not in admin.page("/admin/routing/edit")
    assert "so: &#34;Gaadiidka&#34;" in admin.page("/admin/routing/edit")

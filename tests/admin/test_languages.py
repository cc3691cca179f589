"""Somali and Hmong beside English and Spanish: every text, marked as awaiting a native
speaker's review, and residents who pick them get the whole conversation in them."""

from __future__ import annotations

import pytest

from bot.config import ROOT
from bot.conversation import yaml_text
from bot.conversation.fold import fold
from bot.conversation.texts import COMMANDS, WORD_LISTS, SystemTexts
from bot.conversation.when import parse_when
from tests.admin.conftest import FLOWS
from tests.conftest import reference_in
from tests.helpers import all_reports

NEW = ("so", "hmn")
FLOW_FILES = ("intake", "theft", "damage", "parking")
TEXTS = SystemTexts.load(FLOWS / "system.yaml")


def data(path):
    return yaml_text.load(path.read_text(encoding="utf-8"))


def flow_texts(flow: dict):
    yield "title", flow["title"]
    for name, step in flow["steps"].items():
        for key in ("prompt", "footer"):
            if key in step:
                yield f"{name}.{key}", step[key]
        for choice in step.get("choices", []):
            yield f"{name}.{choice['value']}", choice["label"]


def test_somali_and_hmong_are_enabled_languages():
    assert TEXTS.languages == ["en", "es", "so", "hmn"]


@pytest.mark.parametrize("name", FLOW_FILES)
def test_every_flow_text_is_in_somali_and_hmong_and_marked_for_review(name):
    flow = data(FLOWS / f"{name}.yaml")
    assert flow["review"] == {"so": "machine-drafted", "hmn": "machine-drafted"}
    for where, by_lang in flow_texts(flow):
        for lang in NEW:
            assert by_lang.get(lang, "").strip(), f"{name}.yaml {where} has no {lang}"


def test_every_system_message_notice_and_agency_name_is_in_somali_and_hmong_and_marked():
    system = data(FLOWS / "system.yaml")
    assert system["review"] == {"so": "machine-drafted", "hmn": "machine-drafted"}
    for key, by_lang in system["messages"].items():
        for lang in NEW:
            assert by_lang.get(lang), f"system.yaml message {key} has no {lang}"
            if isinstance(by_lang["en"], dict):  # a table: every entry translated
                assert set(by_lang[lang]) == set(by_lang["en"]), key
    notices = data(FLOWS / "notices" / "status.yaml")
    assert notices["review"] == {"so": "machine-drafted", "hmn": "machine-drafted"}
    for status, by_lang in notices["notices"].items():
        assert all(by_lang.get(lang) for lang in NEW), f"status notice {status}"
    routing = data(ROOT / "config" / "routing.yaml")
    assert routing["review"] == {"so": "machine-drafted", "hmn": "machine-drafted"}
    for key, agency in routing["agencies"].items():
        assert all(agency["name"].get(lang) for lang in NEW), key


def test_every_vocabulary_list_has_somali_and_hmong_words():
    vocab = data(FLOWS / "system.yaml")["vocab"]
    for name in COMMANDS:
        assert all(vocab["commands"][name].get(lang) for lang in NEW), name
    for key in WORD_LISTS:
        assert all(vocab[key].get(lang) for lang in NEW), key
    for key in ("now", "today", "yesterday", "day_before", "weekdays", "order"):
        assert all(vocab["dates"][key].get(lang) for lang in NEW), key


def test_command_words_never_collide_with_answers_or_each_other():
    vocab = data(FLOWS / "system.yaml")["vocab"]
    owner: dict[str, str] = {}
    for name in COMMANDS:
        for words in vocab["commands"][name].values():
            for word in words:
                assert owner.setdefault(fold(str(word)), name) == name, word
    answers = {fold(str(w)) for key in WORD_LISTS for ws in vocab[key].values() for w in ws}
    languages = {fold(w) for ws in vocab["languages"].values() for w in ws}
    assert not (set(owner) & answers) and not (set(owner) & languages)


@pytest.mark.parametrize("word, lang", [("SOMALI", "so"), ("Soomaali", "so"),
                                        ("af soomaali", "so"), ("HMONG", "hmn"),
                                        ("Hmoob", "hmn"), ("ES", "es"), ("english", "en")])
def test_a_language_is_picked_by_its_name(word, lang):
    assert TEXTS.language(fold(word)) == lang


def test_a_bare_so_is_an_english_word_not_a_language_switch():
    assert TEXTS.language("so") is None and TEXTS.command("so") is None


def test_the_first_menu_tells_residents_how_to_pick_each_language_within_one_sms_pair(phone):
    menu = phone.send("hello")
    assert "Para español, responda ES" in menu and "SOMALI" in menu and "HMONG" in menu
    assert len(menu) <= 320
    for word, other in (("ES", ("EN", "SOMALI", "HMONG")), ("SOMALI", ("EN", "ES", "HMONG")),
                        ("HMONG", ("EN", "ES", "SOMALI"))):
        reply = phone.send(word)
        assert all(w in reply for w in other), reply
        assert len(reply.split("\n", 1)[1]) <= 320


def test_a_somali_resident_files_a_report_in_somali(app, phone):
    assert "Hagaag, Af-Soomaali." in phone.send("SOOMAALI")
    assert "Maxaa la xaday?" in phone.send("1")
    assert "Xagee bay ka dhacday?" in phone.send("1")
    assert "Goorma ayay dhacday?" in phone.send("120 Main St")
    assert "Sharax waxa la qaaday" in phone.send("shalay 3pm")
    assert "KA BOOD" in phone.send("baaskiil casaan ah")
    assert "ma kugula soo xiriiri karaan" in phone.send("ka bood")
    summary = phone.send("haa")
    assert "Fadlan hubi" in summary and "Goorma:" in summary and "Xatooyo" in summary
    done = phone.send("haa")
    assert "Tixraacaagu waa" in done and "311-ka Magaalada" in done
    reference = reference_in(done)
    assert reference in phone.send(f"XAALAD {reference}")
    assert all_reports(app)[0]["language"] == "so"


def test_a_hmong_resident_gets_help_and_can_stop_in_hmong(phone):
    assert "lus Hmoob" in phone.send("HMOOB")
    assert "Dab tsi raug nyiag?" in phone.send("1")
    reply = phone.send("pab")
    assert "Xwm ceev: hu 911" in reply and "Dab tsi raug nyiag?" in reply
    assert "tsis tau txais ntawv" in phone.send("NRES")
    assert phone.send("1") == ""
    assert "Zoo siab txais tos" in phone.send("pib")


def test_somali_and_hmong_dates_are_understood():
    from datetime import datetime
    from zoneinfo import ZoneInfo

    now = datetime(2026, 11, 25, 16, 0, tzinfo=ZoneInfo("America/Chicago"))
    assert parse_when("shalay 3pm", now, TEXTS.when, "so").at.day == 24
    assert parse_when("hadda", now, TEXTS.when, "so").at == now
    assert parse_when("nag hmo", now, TEXTS.when, "hmn").at.day == 24
    assert parse_when("tam sim no", now, TEXTS.when, "hmn").at == now
    assert parse_when("hnub no 3pm", now, TEXTS.when, "hmn").at.hour == 15

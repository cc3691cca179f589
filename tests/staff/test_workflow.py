"""The status workflow and the notices residents get, as data."""

from __future__ import annotations

import pytest

from bot.config import ROOT
from bot.staff.notices import NoticeError, Notices
from bot.staff.workflow import WorkflowError, check_move


def test_reports_move_forward_and_can_be_reopened():
    check_move("new", "in_review", None)
    check_move("in_review", "referred", None)
    check_move("referred", "resolved", None)
    check_move("resolved", "closed", "done")
    check_move("closed", "in_review", None)
    with pytest.raises(WorkflowError, match="cannot become new"):
        check_move("in_review", "new", None)
    with pytest.raises(WorkflowError, match="Give a reason"):
        check_move("resolved", "closed", "  ")


def test_every_notice_in_the_data_file_has_english_and_spanish():
    notices = Notices.load(ROOT / "flows" / "notices" / "status.yaml")
    for status in ("in_review", "referred", "resolved", "closed"):
        for lang in ("en", "es"):
            assert "T-4KX-92M" in notices.text(status, lang, reference="T-4KX-92M", agency="311")
    assert notices.text("in_review", "fr", reference="R", agency="A").startswith("Update")
    assert notices.text("new", "en", reference="R", agency="A") is None


def test_a_broken_notices_file_says_where_and_why(tmp_path):
    path = tmp_path / "status.yaml"
    path.write_text("notices:\n  closed:\n    en: 'Closed {refrence}'\n", encoding="utf-8")
    with pytest.raises(NoticeError, match=r"notices.closed.en: unknown placeholder \{refrence\}"):
        Notices.load(path)
    path.write_text("notices:\n  archived:\n    en: 'x'\n", encoding="utf-8")
    with pytest.raises(NoticeError, match="notices.archived: unknown status"):
        Notices.load(path)

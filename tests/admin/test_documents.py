"""Drafts, publishing, rolling back and diffs: immutable versions, every change audited."""

from __future__ import annotations

import pytest

from bot.admin import documents
from bot.admin.documents import Document, EditError
from bot.app import services
from bot.storage import drafts, flow_store
from bot.storage.timestamps import utcnow
from tests.admin.conftest import audit_actions, seed_text

THEFT = Document.flow("theft")
ADMIN = "ada@city.example.gov"


def run(app, work):
    svc = services(app)
    with svc.db.begin() as conn:
        return work(conn, svc.registry)


def save(app, source: str, base: int | None = 1):
    return run(app, lambda conn, reg: documents.save_draft(conn, reg, THEFT, source, base, ADMIN,
                                                           utcnow()))


def publish(app):
    return run(app, lambda conn, reg: documents.publish_draft(conn, reg, THEFT, ADMIN, utcnow()))


def newest(app) -> tuple[int, str]:
    return run(app, lambda conn, reg: flow_store.latest_source(conn, "theft"))


def test_publishing_a_draft_makes_an_immutable_new_version(app):
    edited = seed_text("theft").replace("What was stolen?", "What was taken?")
    assert save(app, edited).publishable
    version, verdict = publish(app)
    assert version == 2 and verdict.publishable
    assert newest(app) == (2, edited)
    assert run(app, lambda conn, reg: flow_store.source_of(conn, "theft", 1)) == seed_text("theft")
    assert run(app, lambda conn, reg: drafts.get(conn, "flow", "theft")) is None
    assert audit_actions(app)[-2:] == [(ADMIN, "flow_draft_saved", "flow:theft"),
                                       (ADMIN, "flow_published", "flow:theft")]


def test_a_draft_with_an_error_is_kept_but_never_published(app):
    broken = seed_text("theft").replace("    next: when\n", "", 1)
    verdict = save(app, broken)
    assert not verdict.publishable
    version, verdict = publish(app)
    assert version is None
    assert any(f.step == "where" and "has no 'next'" in f.message for f in verdict.errors)
    assert newest(app)[0] == 1
    assert run(app, lambda conn, reg: drafts.get(conn, "flow", "theft"))["source"] == broken


def test_a_draft_started_before_someone_else_published_must_be_saved_again(app):
    save(app, seed_text("theft").replace("What was stolen?", "What went missing?"))
    publish(app)
    save(app, seed_text("theft").replace("Sorry this happened.", "We are sorry."), base=1)
    with pytest.raises(EditError, match="version 2 of flow 'theft' was published after this "
                                        "draft was started from version 1"):
        publish(app)
    save(app, seed_text("theft").replace("Sorry this happened.", "We are sorry."), base=2)
    assert publish(app)[0] == 3


def test_rolling_back_publishes_the_old_text_as_a_new_version(app):
    save(app, seed_text("theft").replace("What was stolen?", "What was taken?"))
    publish(app)
    version, _ = run(app, lambda conn, reg: documents.roll_back(conn, reg, THEFT, 1, ADMIN,
                                                                utcnow()))
    assert version == 3
    assert newest(app) == (3, seed_text("theft"))
    assert audit_actions(app)[-1] == (ADMIN, "flow_rolled_back", "flow:theft")
    with pytest.raises(EditError, match="already the live version"):
        run(app, lambda conn, reg: documents.roll_back(conn, reg, THEFT, 3, ADMIN, utcnow()))


def test_rolling_back_to_a_version_that_no_longer_passes_is_refused(app):
    old = seed_text("theft").replace(', hmn: "Lwm yam"', "")  # from before Hmong was added
    run(app, lambda conn, reg: flow_store.publish(conn, "theft", old, "seed", utcnow()))
    run(app, lambda conn, reg: flow_store.publish(conn, "theft", seed_text("theft"), "x",
                                                  utcnow()))
    version, verdict = run(app, lambda conn, reg: documents.roll_back(conn, reg, THEFT, 2, ADMIN,
                                                                      utcnow()))
    assert version is None
    assert "choice 'other' label has no text in 'hmn'" in str(verdict.errors[0])
    assert newest(app)[0] == 3


def test_discarding_a_draft_leaves_the_live_version(app):
    save(app, "schema: 1\n")
    assert run(app, lambda conn, reg: documents.discard_draft(conn, THEFT, ADMIN, utcnow()))
    copy = run(app, lambda conn, reg: documents.working_copy(conn, THEFT))
    assert copy.draft is None and copy.source == seed_text("theft") and copy.base_version == 1
    assert audit_actions(app)[-1] == (ADMIN, "flow_draft_discarded", "flow:theft")


def test_an_empty_draft_is_refused():
    with pytest.raises(EditError, match="the draft is empty"):
        documents.save_draft(None, None, THEFT, "  \n", 1, ADMIN, utcnow())


def test_the_diff_shows_the_changed_lines():
    lines = documents.diff("a: 1\nb: 2\n", "a: 1\nb: 3\n", "version 1", "draft")
    assert ("file", "--- version 1") in lines and ("file", "+++ draft") in lines
    assert ("remove", "-b: 2") in lines and ("add", "+b: 3") in lines
    assert documents.diff("same\n", "same\n", "a", "b") == []


def test_a_draft_that_changes_nothing_is_not_published(app):
    save(app, seed_text("theft"))
    with pytest.raises(EditError, match="the draft is the same as version 1"):
        publish(app)
    assert newest(app)[0] == 1

"""What administrators edit: a flow or the routing table, as drafts and immutable versions.

Save, publish, roll back and discard each happen in the caller's transaction and write one
audit entry (who, when, what, before and after). Publishing runs every check first; a
draft with errors never becomes a version. Pure core plus storage: no Flask.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection

from bot.admin import checks
from bot.conversation.flow import Flow
from bot.conversation.registry import FlowRegistry
from bot.storage import drafts, flow_store, routing_store
from bot.storage.flow_store import digest

FLOW, ROUTING = drafts.FLOW, drafts.ROUTING


class EditError(ValueError):
    """An edit cannot be done as asked; the message says why and what to do."""


@dataclass(frozen=True)
class Document:
    kind: str  # flow | routing
    name: str  # the flow's name, or "routing"

    @classmethod
    def flow(cls, name: str) -> Document:
        return cls(FLOW, name)

    @classmethod
    def routing(cls) -> Document:
        return cls(ROUTING, ROUTING)

    @property
    def label(self) -> str:
        return f"flow '{self.name}'" if self.kind == FLOW else "the routing table"

    @property
    def target(self) -> str:
        return f"flow:{self.name}" if self.kind == FLOW else "routing"


@dataclass
class WorkingCopy:
    """What the editor shows: the draft when there is one, else the newest version."""

    source: str
    base_version: int | None
    draft: dict | None


def latest(conn: Connection, doc: Document) -> tuple[int, str] | None:
    if doc.kind == FLOW:
        return flow_store.latest_source(conn, doc.name)
    return routing_store.latest_source(conn)


def source_of(conn: Connection, doc: Document, version: int) -> str | None:
    if doc.kind == FLOW:
        return flow_store.source_of(conn, doc.name, version)
    return routing_store.source_of(conn, version)


def versions(conn: Connection, doc: Document) -> list[dict]:
    if doc.kind == FLOW:
        return flow_store.versions(conn, doc.name)
    return routing_store.versions(conn)


def _publish(conn: Connection, doc: Document, source: str, author: str, now: datetime) -> int:
    if doc.kind == FLOW:
        return flow_store.publish(conn, doc.name, source, author, now)
    return routing_store.publish(conn, source, author, now)


def working_copy(conn: Connection, doc: Document) -> WorkingCopy:
    draft = drafts.get(conn, doc.kind, doc.name)
    if draft is not None:
        return WorkingCopy(draft["source"], draft["base_version"], draft)
    found = latest(conn, doc)
    if found is None:
        raise LookupError(f"{doc.label} has no published version")
    return WorkingCopy(found[1], found[0], None)


def live_flows(conn: Connection, registry: FlowRegistry) -> dict[str, Flow]:
    """The newest version of every flow, compiled (and cached) by the registry."""
    return {name: registry.compiled(conn, name, version).flow
            for name, version in flow_store.latest_versions(conn).items()}


def check(conn: Connection, registry: FlowRegistry, doc: Document,
          source: str) -> checks.Verdict:
    """Every check the draft must pass to be published, against what is live now."""
    flows = live_flows(conn, registry)
    if doc.kind == ROUTING:
        return checks.check_routing(source, registry.texts, flows)
    return checks.check_flow(source, doc.name, registry.texts, flows,
                             registry.current_routing(conn))


def save_draft(conn: Connection, registry: FlowRegistry, doc: Document, source: str,
               base_version: int | None, actor, now: datetime) -> checks.Verdict:
    """Keep the draft (even with errors: only publishing refuses them) and check it."""
    if not source.strip():
        raise EditError("the draft is empty: paste the YAML back or discard the draft")
    drafts.save(conn, doc.kind, doc.name, source, base_version, _name(actor), now)
    record_change(conn, actor, "draft_saved", doc, at=now,
                  after={"base_version": base_version, "digest": digest(source)})
    return check(conn, registry, doc, source)


def discard_draft(conn: Connection, doc: Document, actor, now: datetime) -> bool:
    draft = drafts.get(conn, doc.kind, doc.name)
    if draft is None:
        return False
    drafts.discard(conn, doc.kind, doc.name)
    record_change(conn, actor, "draft_discarded", doc, at=now,
                  before={"digest": digest(draft["source"])})
    return True


def publish_draft(conn: Connection, registry: FlowRegistry, doc: Document, actor,
                  now: datetime) -> tuple[int | None, checks.Verdict]:
    """The draft as the next version, live for new conversations: (version, verdict); the
    version is None when the checks found errors (then nothing changed)."""
    draft = drafts.get(conn, doc.kind, doc.name)
    if draft is None:
        raise EditError(f"{doc.label} has no draft to publish: edit it and save a draft first")
    newest = latest(conn, doc)
    newest_version = newest[0] if newest else None
    if draft["base_version"] != newest_version:
        raise EditError(f"version {newest_version} of {doc.label} was published after this "
                        f"draft was started from version {draft['base_version']}: compare them "
                        f"(Diff), then save the draft again to publish it over version "
                        f"{newest_version}")
    if newest is not None and newest[1] == draft["source"]:
        raise EditError(f"the draft is the same as version {newest_version}, which is live: "
                        f"there is nothing to publish (discard the draft, or change it)")
    verdict = check(conn, registry, doc, draft["source"])
    if not verdict.publishable:
        return None, verdict
    version = _publish(conn, doc, draft["source"], _name(actor), now)
    drafts.discard(conn, doc.kind, doc.name)
    record_change(conn, actor, "published", doc, before={"version": newest_version},
                  after={"version": version, "digest": digest(draft["source"])}, at=now)
    return version, verdict


def roll_back(conn: Connection, registry: FlowRegistry, doc: Document, version: int, actor,
              now: datetime) -> tuple[int | None, checks.Verdict]:
    """Publish an earlier version's text again as the next version (after the same checks)."""
    source = source_of(conn, doc, version)
    if source is None:
        raise EditError(f"{doc.label} has no version {version}")
    newest = latest(conn, doc)
    if newest is not None and newest[0] == version:
        raise EditError(f"version {version} is already the live version of {doc.label}")
    if newest is not None and newest[1] == source:
        raise EditError(f"version {version} has the same text as the live version "
                        f"{newest[0]}: nothing to roll back")
    verdict = check(conn, registry, doc, source)
    if not verdict.publishable:
        return None, verdict
    new_version = _publish(conn, doc, source, _name(actor), now)
    record_change(conn, actor, "rolled_back", doc,
                  before={"version": newest[0] if newest else None},
                  after={"version": new_version, "copy_of": version, "digest": digest(source)},
                  at=now)
    return new_version, verdict


def diff(old: str, new: str, old_label: str, new_label: str) -> list[tuple[str, str]]:
    """A unified diff as (kind, line) pairs; kind is add, remove, hunk, file or same."""
    kinds = {"+": "add", "-": "remove", "@": "hunk", " ": "same"}
    out = []
    for line in difflib.unified_diff(old.splitlines(), new.splitlines(), old_label, new_label,
                                     lineterm="", n=3):
        if line.startswith(("+++", "---")):
            out.append(("file", line))
        else:
            out.append((kinds.get(line[:1], "same"), line))
    return out


def _name(actor) -> str:
    return getattr(actor, "email", None) or str(actor)


def record_change(conn: Connection, actor, action: str, doc: Document, *,
                  before: dict | None = None, after: dict | None = None,
                  at: datetime | None = None) -> None:
    """One audit-log entry for a change to a document (action is prefixed flow_/routing_)."""
    from bot.staff import audit  # the staff console's log: one place for every change

    kind = "flow" if doc.kind == FLOW else "routing"
    audit.record(conn, actor, f"{kind}_{action}", target=doc.target, before=before,
                 after=after, at=at)

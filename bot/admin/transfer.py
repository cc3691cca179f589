"""Flows and routing between the database and a directory of YAML files, without loss.

Export writes the newest published text of every flow (<name>.yaml) and of the routing table
(routing.yaml) byte for byte, comments included. Import checks the files together, exactly
as the editor checks a draft, then publishes each one whose text differs from its newest
version; importing what was just exported publishes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection

from bot.admin import checks
from bot.admin.documents import Document, live_flows, record_change
from bot.conversation.loader import FlowError, Problem, load_source
from bot.conversation.registry import FlowRegistry
from bot.storage import flow_store, routing_store
from bot.storage.flow_store import digest

ROUTING_FILE = "routing.yaml"
NOT_FLOWS = {"system.yaml", "notices.yaml", ROUTING_FILE}


class ImportRefused(ValueError):
    """Some file would not pass the checks; nothing was published."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("nothing was imported:\n" + "\n".join(f"  {p}" for p in problems))


@dataclass
class Imported:
    flows: list[tuple[str, int]] = field(default_factory=list)
    routing: int | None = None


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")  # no newline translation: the text as written


def export_dir(conn: Connection, directory: Path) -> list[str]:
    """Write the newest version of every flow and of the routing table; the file names."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, version in sorted(flow_store.latest_versions(conn).items()):
        source = flow_store.source_of(conn, name, version)
        (directory / f"{name}.yaml").write_bytes(source.encode("utf-8"))
        written.append(f"{name}.yaml")
    routing = routing_store.latest_source(conn)
    if routing is not None:
        (directory / ROUTING_FILE).write_bytes(routing[1].encode("utf-8"))
        written.append(ROUTING_FILE)
    return written


def seed_routing(conn: Connection, routing_file: Path, now: datetime) -> int | None:
    """Publish the routing file as version 1 when the database has no routing yet."""
    return routing_store.seed(conn, _read(routing_file), now)


def import_dir(conn: Connection, registry: FlowRegistry, directory: Path,
               routing_file: Path | None, author: str, now: datetime) -> Imported:
    """Check every flow file in directory (and the routing file) and publish the changed ones.

    Raises ImportRefused, publishing nothing, when any file has an error.
    """
    sources = {p.stem: _read(p) for p in sorted(directory.glob("*.yaml"))
               if p.name not in NOT_FLOWS}
    flows = _load_all(sources, registry.texts.languages)
    merged = {**live_flows(conn, registry), **flows}
    routing_source = _read(routing_file) if routing_file and routing_file.exists() else None
    problems = []
    routing = registry.current_routing(conn)
    if routing_source is not None:
        verdict = checks.check_routing(routing_source, registry.texts, merged)
        problems += [f"{routing_file.name}: {f}" for f in verdict.errors]
        routing = verdict.routing or routing
    for name, source in sources.items():
        others = {k: v for k, v in merged.items() if k != name}
        verdict = checks.check_flow(source, name, registry.texts, others, routing)
        problems += [f"{name}.yaml: {f}" for f in verdict.errors]
    if problems:
        raise ImportRefused(problems)
    return _publish_changed(conn, sources, routing_source, author, now)


def _load_all(sources: dict[str, str], languages: list[str]) -> dict:
    flows = {}
    for name, source in sources.items():
        flow = load_source(source, f"{name}.yaml", languages)
        if flow.name != name:
            raise FlowError(f"{name}.yaml", [Problem("error", None,
                                                     f"the file must be named {flow.name}.yaml")])
        flows[name] = flow
    return flows


def _publish_changed(conn: Connection, sources: dict[str, str], routing_source: str | None,
                     author: str, now: datetime) -> Imported:
    done = Imported()
    for name, source in sources.items():
        latest = flow_store.latest_source(conn, name)
        if latest is None or latest[1] != source:
            version = flow_store.publish(conn, name, source, author, now)
            done.flows.append((name, version))
            record_change(conn, author, "published", Document.flow(name), at=now,
                          before={"version": latest[0] if latest else None},
                          after={"version": version, "digest": digest(source), "via": "import"})
    latest_routing = routing_store.latest_source(conn)
    if routing_source is not None and (latest_routing is None
                                       or latest_routing[1] != routing_source):
        done.routing = routing_store.publish(conn, routing_source, author, now)
        record_change(conn, author, "published", Document.routing(), at=now,
                      before={"version": latest_routing[0] if latest_routing else None},
                      after={"version": done.routing, "digest": digest(routing_source),
                             "via": "import"})
    return done

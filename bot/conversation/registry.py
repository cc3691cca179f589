"""Every flow version the bot may run, compiled once and kept for the life of the process."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection

from bot.conversation import yaml_text
from bot.conversation.compiler import CompiledFlow
from bot.conversation.flow import Flow
from bot.conversation.loader import FlowError, Problem, load_source
from bot.conversation.texts import SystemTexts
from bot.routing import RoutingTable
from bot.storage import flow_store, routing_store

INTAKE = "intake"
NOT_FLOWS = {"system.yaml"}


def set_problems(flows: dict[str, Flow], routing: RoutingTable) -> list[tuple[str, Problem]]:
    """Checks across flows: hand-overs reach a flow, every report type has a route."""
    out = []
    if INTAKE not in flows:
        out.append((INTAKE, Problem("error", None, "the intake flow is missing")))
    for flow in flows.values():
        for target in flow.handoffs():
            if target not in flows:
                reason = f"hands over to flow '{target}', which does not exist"
                out.append((flow.name, Problem("error", None, reason)))
        if flow.report_type and not routing.covers(flow.report_type):
            out.append((flow.name, Problem("error", None,
                                           f"no route in the routing table for report type "
                                           f"'{flow.report_type}'")))
    return out


def read_flow_files(flows_dir: Path, languages: list[str]) -> dict[str, Flow]:
    """Every flow file in flows_dir, validated; FlowError on the first bad file."""
    flows = {}
    for path in sorted(flows_dir.glob("*.yaml")):
        if path.name in NOT_FLOWS:
            continue
        text = path.read_text(encoding="utf-8")
        flow = load_source(text, str(path.name), languages)
        if flow.name != path.stem:
            raise FlowError(path.name, [Problem("error", None,
                                                f"the file must be named {flow.name}.yaml")])
        flows[flow.name] = flow
    return flows


class FlowRegistry:
    """Compiled flow versions by (name, version); sources come from the flow_versions table."""

    def __init__(self, texts: SystemTexts, routing: RoutingTable, flows_dir: Path):
        self.texts = texts
        self.routing = routing
        self.flows_dir = flows_dir
        self._compiled: dict[tuple[str, int], CompiledFlow] = {}
        self._lock = threading.Lock()
        self._routing_version: int | None = None  # of self.routing, once read from the db

    def check_files(self) -> dict[str, Flow]:
        """The seed flows, each valid alone and together; FlowError otherwise."""
        flows = read_flow_files(self.flows_dir, self.texts.languages)
        problems = set_problems(flows, self.routing)
        if problems:
            name, problem = problems[0]
            raise FlowError(f"{name}.yaml", [p for n, p in problems if n == name])
        return flows

    def seed(self, conn: Connection, now: datetime, author: str = "seed") -> list[str]:
        """Publish each file flow that has no version yet; names of flows published."""
        flows = self.check_files()
        known = flow_store.latest_versions(conn)
        published = []
        for name, flow in flows.items():
            if name not in known:
                flow_store.publish(conn, name, flow.source, author, now)
                published.append(name)
        return published

    def import_files(self, conn: Connection, now: datetime, author: str) -> list[tuple[str, int]]:
        """Publish each file flow whose text differs from its newest version."""
        flows = self.check_files()
        out = []
        for name, flow in flows.items():
            latest = flow_store.latest_source(conn, name)
            if latest is None or latest[1] != flow.source:
                out.append((name, flow_store.publish(conn, name, flow.source, author, now)))
        return out

    def compiled(self, conn: Connection, name: str, version: int) -> CompiledFlow:
        key = (name, version)
        found = self._compiled.get(key)
        if found is not None:
            return found
        source = flow_store.source_of(conn, name, version)
        if source is None:
            raise LookupError(f"flow {name} version {version} is not in the database")
        flow = load_source(source, f"{name} v{version}", self.texts.languages, version)
        with self._lock:
            return self._compiled.setdefault(key, CompiledFlow(flow))

    def live(self, conn: Connection, name: str) -> CompiledFlow:
        """The newest published version of a flow: where new conversations start."""
        version = flow_store.latest_version(conn, name)
        if version is None:
            raise LookupError(f"flow {name} has no published version")
        return self.compiled(conn, name, version)

    def current_routing(self, conn: Connection) -> RoutingTable:
        """The newest published routing table (the seed file's until one is stored); it also
        becomes self.routing, so callers of registry.routing see it too."""
        version = routing_store.latest_version(conn)
        if version is None or version == self._routing_version:
            return self.routing
        source = routing_store.source_of(conn, version)
        table = RoutingTable(yaml_text.load(source), f"routing version {version}")
        with self._lock:
            self.routing, self._routing_version = table, version
        return table

"""Which agency receives a report, from the routing table in config/routing.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


class RoutingError(ValueError):
    """The routing table is invalid or has no route for a report."""


@dataclass(frozen=True)
class Agency:
    key: str
    name: dict[str, str]
    phone: str | None = None
    email: str | None = None
    hours: str | None = None

    def display(self, lang: str) -> str:
        return self.name.get(lang) or next(iter(self.name.values()))

    def snapshot(self) -> dict:
        """What is stored on a report, so later table edits do not rewrite history."""
        return {"agency": self.key, "name": self.name, "phone": self.phone,
                "email": self.email, "hours": self.hours}


class RoutingTable:
    def __init__(self, data: dict, origin: str = "config/routing.yaml"):
        if not isinstance(data, dict) or "agencies" not in data or "routes" not in data:
            raise RoutingError(f"{origin}: needs 'agencies' and 'routes'")
        self.agencies: dict[str, Agency] = {}
        for key, raw in data["agencies"].items():
            if not isinstance(raw, dict) or not isinstance(raw.get("name"), dict):
                raise RoutingError(f"{origin}: agency '{key}' needs a name per language")
            self.agencies[key] = Agency(key, raw["name"], raw.get("phone"), raw.get("email"),
                                        raw.get("hours"))
        self._routes: dict[tuple[str, str | None], str] = {}
        for i, route in enumerate(data["routes"], 1):
            if not isinstance(route, dict) or "type" not in route or "agency" not in route:
                raise RoutingError(f"{origin}: route {i} needs 'type' and 'agency'")
            if route["agency"] not in self.agencies:
                raise RoutingError(f"{origin}: route {i} ({route['type']}) names unknown agency "
                                   f"'{route['agency']}'; known: {', '.join(self.agencies)}")
            self._routes[(route["type"], route.get("subtype"))] = route["agency"]

    @classmethod
    def load(cls, path: Path) -> RoutingTable:
        try:
            with open(path, encoding="utf-8") as fh:
                return cls(yaml.safe_load(fh), str(path))
        except (OSError, yaml.YAMLError) as exc:
            raise RoutingError(f"{path}: cannot read: {exc}") from None

    def covers(self, report_type: str) -> bool:
        return any(t == report_type for t, _ in self._routes)

    def route(self, report_type: str, subtype: str | None = None) -> Agency:
        """The agency for a report: an exact subtype route first, then the type's route."""
        key = self._routes.get((report_type, subtype)) or self._routes.get((report_type, None))
        if key is None:
            raise RoutingError(f"no route for report type '{report_type}'")
        return self.agencies[key]

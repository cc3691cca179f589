"""Configuration: defaults from config/defaults.yaml, then environment variables, then overrides."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULTS_FILE = ROOT / "config" / "defaults.yaml"


class ConfigError(ValueError):
    """A configuration value is missing or malformed."""


def load_defaults(path: Path = DEFAULTS_FILE) -> dict[str, Any]:
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of KEY: value")
    return data


def _from_env(key: str, default: Any, raw: str) -> Any:
    """Parse an environment value with the type of its default (YAML scalars)."""
    if isinstance(default, str) or default is None and not raw.strip().startswith("["):
        if default is None and raw.strip().lower() in ("true", "false"):
            return raw.strip().lower() == "true"
        return raw
    try:
        value = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise ConfigError(f"environment variable {key}: cannot parse {raw!r}: {exc}") from None
    if isinstance(default, bool) and not isinstance(value, bool):
        raise ConfigError(f"environment variable {key}: expected true or false, got {raw!r}")
    if isinstance(default, int | float) and not isinstance(default, bool):
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise ConfigError(f"environment variable {key}: expected a number, got {raw!r}")
    if isinstance(default, list) and not isinstance(value, list):
        value = [] if value is None else [value]
    return value


def resolve_path(value: str | os.PathLike) -> Path:
    """A relative path in config is relative to the project root."""
    path = Path(value)
    return path if path.is_absolute() else ROOT / path


def load_config(
    overrides: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """Defaults, then any environment variable named like a key, then overrides."""
    environ = os.environ if environ is None else environ
    config = load_defaults()
    for key, default in list(config.items()):
        if key in environ:
            config[key] = _from_env(key, default, environ[key])
    config.update(overrides or {})
    return config


def sqlite_path(url: str) -> Path | None:
    """The file behind a sqlite:/// URL (relative paths from the project root), or None."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or url == "sqlite:///:memory:":
        return None
    return resolve_path(url[len(prefix):])

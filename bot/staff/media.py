"""Residents' photos: fetched from Twilio with the account's credentials, checked, stored.

Only URLs under Twilio's API (or the configured TWILIO_API_BASE) are fetched, only JPEG,
PNG, GIF and WebP images are kept, and nothing larger than STAFF_MEDIA_MAX_BYTES.
Stored files live under STAFF_MEDIA_DIR (default: instance/media) and are served only
through the console, to staff allowed to see the report.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import requests
from flask import Flask
from sqlalchemy import Engine, update

from bot.storage.tables import attachments

TWILIO_API = "https://api.twilio.com"
TYPES = {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/webp": ".webp"}
MAX_BYTES = 5 * 1024 * 1024  # Twilio's own limit for an MMS
TIMEOUT = (5, 30)  # seconds to connect, to read
CHUNK = 64 * 1024


class MediaError(Exception):
    """A photo cannot be fetched or kept; the message says why (no credentials in it)."""


def init_app(app: Flask) -> None:
    if not app.config.get("STAFF_MEDIA_DIR"):
        app.config["STAFF_MEDIA_DIR"] = os.path.join(app.instance_path, "media")
    app.config.setdefault("STAFF_MEDIA_MAX_BYTES", MAX_BYTES)


def allowed_url(url: str, api_base: str | None) -> bool:
    """True when url points into Twilio's API (or the configured stand-in for it)."""
    parts = urlsplit(url)
    if parts.username or parts.password or parts.query or parts.fragment:
        return False
    for base in {TWILIO_API, (api_base or TWILIO_API).rstrip("/")}:
        allowed = urlsplit(base)
        same_origin = (parts.scheme == allowed.scheme and parts.hostname == allowed.hostname
                       and parts.port == allowed.port)
        if same_origin and parts.path.startswith(allowed.path.rstrip("/") + "/"):
            return ".." not in parts.path.split("/")
    return False


def looks_like(content: bytes, content_type: str) -> bool:
    """Whether the first bytes are those of content_type (a label alone proves nothing)."""
    if content_type == "image/jpeg":
        return content.startswith(b"\xff\xd8\xff")
    if content_type == "image/png":
        return content.startswith(b"\x89PNG\r\n\x1a\n")
    if content_type == "image/gif":
        return content[:6] in (b"GIF87a", b"GIF89a")
    if content_type == "image/webp":
        return content[:4] == b"RIFF" and content[8:12] == b"WEBP"
    return False


def fetch(url: str, config, max_bytes: int) -> tuple[bytes, str]:
    """The image at url and its type, or MediaError."""
    if not allowed_url(url, config.get("TWILIO_API_BASE")):
        raise MediaError("the photo's address is not a Twilio media URL")
    sid, token = config.get("TWILIO_ACCOUNT_SID"), config.get("TWILIO_AUTH_TOKEN")
    if not sid or not token:
        raise MediaError("Twilio credentials are not configured")
    try:
        # requests drops the credentials if Twilio redirects to its CDN on another host.
        with requests.get(url, auth=(sid, token), stream=True, timeout=TIMEOUT) as response:
            if response.status_code != 200:
                raise MediaError(f"Twilio answered HTTP {response.status_code}")
            content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
            if content_type not in TYPES:
                raise MediaError(f"not an accepted image type: {content_type or 'unknown'}")
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise MediaError(f"the photo is larger than {max_bytes // 1024} KB")
            content = _read(response, max_bytes)
    except requests.RequestException as exc:
        raise MediaError(f"cannot reach Twilio: {type(exc).__name__}") from None
    if not looks_like(content, content_type):
        raise MediaError(f"the content is not a {content_type} image")
    return content, content_type


def _read(response: requests.Response, max_bytes: int) -> bytes:
    chunks, size = [], 0
    for chunk in response.iter_content(CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise MediaError(f"the photo is larger than {max_bytes // 1024} KB")
        chunks.append(chunk)
    return b"".join(chunks)


def stored_file(media_dir: str | Path, attachment: dict) -> Path | None:
    """The stored file of an attachment, if it is there (and inside media_dir)."""
    if not attachment.get("stored_path"):
        return None
    root = Path(media_dir).resolve()
    path = (root / attachment["stored_path"]).resolve()
    if root not in path.parents or not path.is_file():
        return None
    return path


def ensure_stored(app: Flask, db: Engine, attachment: dict) -> tuple[Path, str]:
    """The local copy of a photo, fetching and storing it on first use: (path, type)."""
    media_dir = Path(app.config["STAFF_MEDIA_DIR"])
    path = stored_file(media_dir, attachment)
    if path is not None:
        return path, attachment["content_type"]
    content, content_type = fetch(attachment["url"], app.config,
                                  int(app.config["STAFF_MEDIA_MAX_BYTES"]))
    relative = Path(str(attachment["report_id"])) / f"{attachment['id']}{TYPES[content_type]}"
    path = media_dir / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as tmp:
        tmp.write(content)
    os.replace(tmp.name, path)
    with db.begin() as conn:
        conn.execute(update(attachments).where(attachments.c.id == attachment["id"]).values(
            stored_path=relative.as_posix(), size=len(content), content_type=content_type))
    return path, content_type

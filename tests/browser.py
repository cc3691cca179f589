"""Browser tests: Playwright driving Debian's Chromium against the app served on 127.0.0.1.

Registered as a pytest plugin by tests/conftest.py: gives the `browser` fixture, `serving(app)`
and `needs_chromium` marks. Never downloads a browser.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from bot.app import services

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

needs_chromium = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(),
                       reason=f"Debian's Chromium is not installed at {CHROMIUM} "
                              "(apt-get install chromium); browser tests need it"),
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@contextmanager
def serving(app) -> Iterator[str]:
    """Serve app on 127.0.0.1 in a thread; sets and yields LIVE_URL; cleans up after."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    app.config["LIVE_URL"] = f"http://127.0.0.1:{server.server_port}"
    try:
        yield app.config["LIVE_URL"]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
        services(app).sender.close()
        services(app).db.dispose()

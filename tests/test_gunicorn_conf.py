"""The web process's gunicorn settings: the Procfile uses them and workers freeze the app."""

import gc
import runpy
import shlex
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_procfile_web_process_uses_the_config_file():
    web = next(line for line in (ROOT / "Procfile").read_text().splitlines()
               if line.startswith("web:"))
    args = shlex.split(web.removeprefix("web:"))
    config = args[args.index("--config") + 1]
    assert (ROOT / config).is_file()


def test_a_loaded_worker_keeps_its_startup_objects_out_of_full_collections():
    settings = runpy.run_path(str(ROOT / "config" / "gunicorn.conf.py"))
    before = gc.get_freeze_count()
    try:
        settings["post_worker_init"](None)
        assert gc.get_freeze_count() > before
    finally:
        gc.unfreeze()

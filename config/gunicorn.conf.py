"""gunicorn settings for the web process (Procfile; bench/webhook.py uses the same file).

Each worker loads the app (flows and safety cues compiled, phone metadata, SQLAlchemy
tables): about 120,000 long-lived objects. Python's cyclic garbage collector walks all of
them in every full collection, which stalled a resident's turn for ~100 ms in profiles.
gc.freeze() moves what exists once the app is loaded out of the collector's reach;
what a request allocates is still collected as usual.
"""

import gc


def post_worker_init(worker):
    gc.collect()
    gc.freeze()

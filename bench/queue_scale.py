"""How fast the staff queue stays at scale: seed N reports, then time pages of the console.

    .venv/bin/python bench/queue_scale.py                      # 1,000,000 reports, temp SQLite
    .venv/bin/python bench/queue_scale.py --n 200000 --url postgresql+psycopg://...

Seeding uses Core executemany in batches on SQLite and COPY on PostgreSQL, into a database
that must be empty (or already seeded by this script with --reuse). Timings go through the
Flask test client, logged in as console users, so each figure is a whole page: log-in
session, escalation banner, queue query, photo counts and template rendering.
Prints p50 and p95 per scenario; the target is p95 under 150 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, insert, select  # noqa: E402

from bot import create_app  # noqa: E402
from bot.app import services  # noqa: E402
from bot.cli import upgrade_and_seed  # noqa: E402
from bot.reference import ALPHABET  # noqa: E402
from bot.staff import accounts  # noqa: E402
from bot.storage.tables import attachments, contacts, escalations, reports  # noqa: E402

PASSWORD = "bench-password-1234"
WORDS = ("bike red blue black stolen taken broken window car door rack lock scooter package "
         "porch mailbox graffiti wall fence sign light pole truck blocking driveway hydrant "
         "parked corner alley garage wallet phone backpack laptop tire mirror glass bench "
         "park school store bus stop night morning neighbor camera").split()
RARE_WORDS = ("catalytic", "skateboard", "trombone", "kayak", "telescope")
STREETS = ("Main St", "Oak Ave", "Pine St", "5th Ave", "Lake Shore Dr", "Elm St", "Grand Ave")
TYPES = (("theft", "city311", ("bicycle", "vehicle", "package", "personal", "other")),
         ("damage", "city311", ("graffiti", "streetlight", "sign", "other")),
         ("parking", "traffic", ("blocking", "hydrant", "abandoned")))
STATUSES = ("new",) * 10 + ("in_review",) * 4 + ("referred",) + ("resolved",) * 3 + ("closed",) * 2
BATCH = 10_000


def reference(kind: str, i: int) -> str:
    digits = []
    for _ in range(6):
        i, rest = divmod(i, len(ALPHABET))
        digits.append(ALPHABET[rest])
    body = "".join(reversed(digits))
    return f"{kind[0].upper()}-{body[:3]}-{body[3:]}"


def report_rows(n: int, contacts_n: int, start: datetime, rng: random.Random):
    """Rows for n reports, oldest first, about 40 seconds apart."""
    for i in range(n):
        kind, agency, subtypes = rng.choices(TYPES, weights=(45, 35, 20))[0]
        contact = rng.randrange(contacts_n) + 1
        words = rng.choices(WORDS, k=rng.randint(5, 12))
        if rng.random() < 0.001:
            words.append(rng.choice(RARE_WORDS))
        at = start + timedelta(seconds=40 * i)
        channel = "chat" if contact % 4 == 0 else "sms"
        yield {
            "reference": reference(kind, i), "conversation_id": None, "contact_id": contact,
            "type": kind, "subtype": rng.choice(subtypes), "agency": agency,
            "status": rng.choice(STATUSES), "language": "es" if contact % 5 == 0 else "en",
            "channel": channel,
            "location_text": f"{rng.randint(1, 9999)} {rng.choice(STREETS)}",
            "location": None, "occurred_at": at - timedelta(hours=3), "occurred_text": "today",
            "description": " ".join(words),
            "contact_phone": phone(contact) if channel == "sms" or contact % 3 else None,
            "answers": "{}", "routing": "{}", "created_at": at, "updated_at": at,
        }


def phone(contact: int) -> str:
    return f"+1312{contact:07d}"


def contact_rows(n: int, start: datetime):
    for i in range(1, n + 1):
        chat = i % 4 == 0
        yield {"id": i, "channel": "chat" if chat else "sms",
               "address": f"bench-session-{i}" if chat else phone(i),
               "language": "es" if i % 5 == 0 else "en", "opted_out": False,
               "created_at": start}


def seed(db, n: int, rng: random.Random) -> None:
    start = datetime.now(UTC) - timedelta(seconds=40 * n)
    contacts_n = max(n // 5, 1)
    began = time.perf_counter()
    if db.dialect.name == "postgresql":
        _copy(db, contacts, contact_rows(contacts_n, start))
        _copy(db, reports, report_rows(n, contacts_n, start, rng))
    else:
        _executemany(db, contacts, contact_rows(contacts_n, start))
        _executemany(db, reports, report_rows(n, contacts_n, start, rng), json_text=True)
    with db.begin() as conn:
        ids = rng.sample(range(1, n + 1), k=max(n // 10, 1))
        for chunk in range(0, len(ids), BATCH):
            conn.execute(insert(attachments), [
                {"report_id": rid, "url": f"https://api.twilio.com/media/{rid}",
                 "content_type": "image/jpeg", "created_at": start}
                for rid in ids[chunk:chunk + BATCH]])
        conn.execute(insert(escalations), [
            {"level": "crisis", "signals": ["bench"], "body": "bench escalation",
             "contact_id": rng.randrange(contacts_n) + 1, "created_at": start,
             "acknowledged_at": None if i < 20 else start} for i in range(200)])
        if db.dialect.name == "postgresql":
            for table in ("contacts", "reports", "attachments", "escalations"):
                conn.exec_driver_sql(f"ANALYZE {table}")
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))")
        else:
            conn.exec_driver_sql("ANALYZE")
    print(f"seeded {n:,} reports, {contacts_n:,} residents in {time.perf_counter() - began:.0f} s",
          flush=True)


def _executemany(db, table, rows, json_text: bool = False) -> None:
    batch = []
    for row in rows:
        if json_text:
            row = dict(row, answers={}, routing={})
        batch.append(row)
        if len(batch) == BATCH:
            with db.begin() as conn:
                conn.execute(insert(table), batch)
            batch = []
    if batch:
        with db.begin() as conn:
            conn.execute(insert(table), batch)


def _copy(db, table, rows) -> None:
    columns = None
    raw = db.raw_connection()
    try:
        cursor = raw.cursor()
        for first in rows:
            columns = list(first)
            break
        if columns is None:
            return
        names = ", ".join(columns)
        with cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
            copy.write_row([first[c] for c in columns])
            for row in rows:
                copy.write_row([row[c] for c in columns])
        raw.commit()
    finally:
        raw.close()


def login(app, email: str, role: str, agency: str | None):
    svc = services(app)
    with svc.db.begin() as conn:
        if accounts.find(conn, email) is None:
            accounts.create(conn, email, PASSWORD, role, agency, svc.registry.routing.agencies,
                            datetime.now(UTC))
    client = app.test_client()
    response = client.post("/staff/login", data={"email": email, "password": PASSWORD})
    assert response.status_code == 302, response.get_data(as_text=True)
    return client


def timed(client, path: str, params: dict | None = None) -> tuple[float, str]:
    began = time.perf_counter()
    response = client.get(path, query_string=params)
    body = response.get_data(as_text=True)
    elapsed = (time.perf_counter() - began) * 1000
    assert response.status_code == 200, body[:300]
    return elapsed, body


def next_link(body: str) -> str | None:
    if 'rel="next" href="' not in body:
        return None
    return body.split('rel="next" href="')[1].split('"')[0].replace("&amp;", "&")


def scenarios(db, n: int, rng: random.Random) -> dict[str, list]:
    with db.connect() as conn:
        refs = list(conn.scalars(select(reports.c.reference).order_by(func.random()).limit(50)))
    today = datetime.now(UTC).date()
    return {
        "queue, first page (supervisor)": [({}, 0)] * 30,
        "queue, pages 2-6 by keyset (supervisor)": [({}, 5)] * 6,
        "filtered: 311 staff, status=new": [({"status": "new"}, 0)] * 30,
        "filtered: type+status+language (supervisor)": [
            ({"type": rng.choice(("theft", "damage", "parking")),
              "status": rng.choice(("new", "in_review", "resolved")),
              "language": rng.choice(("en", "es"))}, 0) for _ in range(30)],
        "filtered: channel=chat, last 30 days, page 1-3": [
            ({"channel": "chat", "date_from": str(today - timedelta(days=30))}, 2)] * 10,
        "search: reference": [({"q": ref}, 0) for ref in refs[:30]],
        "search: last four digits": [({"q": f"{rng.randrange(10000):04d}"}, 0)
                                     for _ in range(30)],
        "search: common words": [({"q": " ".join(rng.sample(WORDS, 2))}, 0) for _ in range(30)],
        "search: rare word": [({"q": rng.choice(RARE_WORDS)}, 0) for _ in range(30)],
    }


def run(url: str, n: int, reuse: bool, seed_value: int) -> None:
    rng = random.Random(seed_value)
    app = create_app({"DATABASE_URL": url, "TESTING": True, "SECRET_KEY": "bench",
                      "WTF_CSRF_ENABLED": False, "REDIS_URL": None, "RATELIMIT_ENABLED": False})
    upgrade_and_seed(app)
    db = services(app).db
    with db.connect() as conn:
        existing = conn.execute(select(func.count()).select_from(reports)).scalar()
    if existing and not reuse:
        sys.exit(f"{url} already holds {existing:,} reports; use --reuse or an empty database")
    if not existing:
        seed(db, n, rng)
    else:
        n = existing
        print(f"reusing {n:,} seeded reports", flush=True)
    supervisor = login(app, "bench-supervisor@city.example.gov", "supervisor", None)
    clerk = login(app, "bench-311@city.example.gov", "staff", "city311")
    print(f"\n{db.dialect.name}, {n:,} reports; whole pages through the Flask test client")
    print(f"{'scenario':48} {'runs':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    worst = 0.0
    for name, cases in scenarios(db, n, rng).items():
        client = clerk if "311 staff" in name else supervisor
        timed(client, "/staff/reports", cases[0][0])  # warm the cache for this query shape
        samples = []
        for params, follow in cases:
            elapsed, body = timed(client, "/staff/reports", params)
            if follow:
                samples_page = []
                for _ in range(follow):
                    link = next_link(body)
                    if link is None:
                        break
                    elapsed, body = timed(client, link)
                    samples_page.append(elapsed)
                samples += samples_page
            else:
                samples.append(elapsed)
        p50, p95 = statistics.median(samples), _p95(samples)
        worst = max(worst, p95)
        print(f"{name:48} {len(samples):5} {p50:8.1f} {p95:8.1f} {max(samples):8.1f}",
              flush=True)
    print(f"\nworst p95: {worst:.1f} ms (target < 150 ms): {'OK' if worst < 150 else 'SLOW'}")
    services(app).sender.close()


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="reports to seed")
    parser.add_argument("--url", default=os.environ.get("DATABASE_URL"),
                        help="database URL (default: DATABASE_URL, else a temp SQLite file)")
    parser.add_argument("--reuse", action="store_true", help="time an already seeded database")
    parser.add_argument("--seed", type=int, default=4, help="random seed")
    args = parser.parse_args(argv)
    url = args.url
    if not url:
        folder = tempfile.mkdtemp(prefix="queue-bench-")
        url = f"sqlite:///{folder}/bench.db"
        print(f"SQLite database: {folder}/bench.db", flush=True)
    run(url, args.n, args.reuse, args.seed)


if __name__ == "__main__":
    main()

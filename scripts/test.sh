#!/usr/bin/env bash
# Install everything and run the whole test suite: on SQLite, then again on PostgreSQL.
# Usage: bash scripts/test.sh [pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3)}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]' 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -c "import bot, flask, twilio, transitions, sqlalchemy, playwright" 

bash scripts/services.sh

.venv/bin/ruff check .

PG_URL=${TEST_POSTGRES_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test}
status=0
echo "== tests on SQLite"
env -u TEST_DATABASE_URL .venv/bin/python -m pytest "$@" || status=$?

if .venv/bin/python - "$PG_URL" <<'PY'
import sys
from sqlalchemy import create_engine, text
try:
    with create_engine(sys.argv[1]).connect() as conn:
        conn.execute(text("select 1"))
except Exception as exc:
    print(f"PostgreSQL is not reachable: {exc.__class__.__name__}")
    sys.exit(1)
PY
then
  echo "== tests on PostgreSQL"
  TEST_DATABASE_URL=$PG_URL .venv/bin/python -m pytest "$@" || status=$?
elif [ -n "${CI:-}" ]; then
  echo "PostgreSQL is required on CI"; status=1
else
  echo "== PostgreSQL run skipped: no server at $PG_URL"
fi
exit $status

#!/usr/bin/env bash
# Start PostgreSQL and Redis on 127.0.0.1 when they are down (needs root; installs them from
# Debian if missing). Prints what it did; never fails the caller by itself.
set -u

pg_up() { command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432; }
redis_up() { command -v redis-cli >/dev/null && [ "$(redis-cli -h 127.0.0.1 ping 2>/dev/null)" = PONG ]; }
as_root() { [ "$(id -u)" = 0 ]; }

if ! pg_up && as_root; then
  if ! ls /etc/postgresql >/dev/null 2>&1; then
    echo "services: installing PostgreSQL from Debian"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/dev/null 2>&1
  fi
  for version in $(ls /etc/postgresql 2>/dev/null); do
    echo "services: starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>&1 | tail -1
  done
  for _ in $(seq 1 30); do pg_up && break; sleep 1; done
  if pg_up; then
    # trust auth on 127.0.0.1 and a database called test, as on CI
    su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname='test'\"" 2>/dev/null | grep -q 1 \
      || su postgres -c "createdb test" 2>/dev/null || true
  fi
fi
pg_up && echo "services: PostgreSQL is up" || echo "services: PostgreSQL is not available"

if ! redis_up && as_root; then
  if ! command -v redis-server >/dev/null; then
    echo "services: installing Redis from Debian"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server) >/dev/null 2>&1
  fi
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log >/dev/null 2>&1 \
    || redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null 2>&1
  for _ in $(seq 1 20); do redis_up && break; sleep 0.5; done
fi
redis_up && echo "services: Redis is up" || echo "services: Redis is not available"

if [ ! -x /usr/bin/chromium ] && as_root; then
  echo "services: installing Debian's chromium for the browser tests"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1
fi
[ -x /usr/bin/chromium ] && echo "services: chromium is at /usr/bin/chromium" || echo "services: no chromium: browser tests will be skipped"
exit 0

#!/usr/bin/env bash
# Speed benchmark of KKN-portalen under production settings (see README, "Benchmarks").
#
#   bench/run.sh            # about 5 minutes on a 2-core machine
#
# 1. PostgreSQL on 127.0.0.1:5432 (started if needed), a fresh database
#    kkn_bench: migrate, seed_demo, then bench/generate.py's volume
#    (1 000 articles, 300 events with programmes, 100 000 comments).
# 2. collectstatic (hashed + gzip, as in production) into a temporary STATIC_ROOT.
# 3. gunicorn with gunicorn.conf.py, 2 workers, DEBUG off, on 127.0.0.1 only.
#    HTTPS=0: wrk speaks plain HTTP to 127.0.0.1 and there is no TLS proxy in
#    front; with HTTPS=1 every request would be a 301 to https:// and we would
#    measure redirects. In production TLS ends at the proxy; Django's work per
#    request is the same apart from the HSTS header.
#    GUNICORN_MAX_REQUESTS=0: no worker recycling during the run, so the peak
#    memory is the honest worst case and no request waits for a fresh worker.
# 4. bench/speed.py: wrk per page, workers' peak memory, SQL queries per page,
#    CPU instructions per request under callgrind; prints the table and writes
#    bench/results/latest.json.
# 5. bench/export_feedback.py (when present): the 100 000-comment CSV export,
#    on PostgreSQL in a database of its own that it creates and drops.
# Only 127.0.0.1 is contacted; every wrk run is bounded (2 s + 10 s per page).
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-.venv/bin/python}
PORT=${BENCH_PORT:-8765}
PG=postgres://postgres@127.0.0.1:5432
WORK=$(mktemp -d /tmp/kkn-bench.XXXXXX)

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v valgrind >/dev/null || need+=(valgrind)
command -v psql >/dev/null || need+=(postgresql-client)
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing ${need[*]} (Debian packages)"
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"
fi

if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  echo "== starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi

export DJANGO_SETTINGS_MODULE=kkn_portal.settings
export DATABASE_URL=$PG/kkn_bench DEBUG=0 HTTPS=0 ALLOWED_HOSTS=127.0.0.1
export SECRET_KEY="bench-only-$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
export SITE_URL=http://127.0.0.1:$PORT STATIC_ROOT=$WORK/static
# Nothing is mailed during the benchmark.
export EMAIL_BACKEND=django.core.mail.backends.locmem.EmailBackend
export GUNICORN_WORKERS=2 GUNICORN_BIND=127.0.0.1:$PORT GUNICORN_MAX_REQUESTS=0
# The shared cache as deployed (README, docker-compose.yml): Redis, a database
# of its own, emptied first. BENCH_REDIS_URL= (empty) measures the database cache.
export REDIS_URL=${BENCH_REDIS_URL-redis://127.0.0.1:6379/15}
if [ -n "$REDIS_URL" ]; then
  if redis-cli -u "$REDIS_URL" ping >/dev/null 2>&1; then
    redis-cli -u "$REDIS_URL" flushdb >/dev/null
  else
    echo "== Redis does not answer at $REDIS_URL: using the database cache"
    unset REDIS_URL
  fi
fi

echo "== fresh database kkn_bench"
psql "$PG/postgres" -q -v ON_ERROR_STOP=1 \
  -c "DROP DATABASE IF EXISTS kkn_bench WITH (FORCE)" -c "CREATE DATABASE kkn_bench"
$PY manage.py migrate --noinput -v0
$PY manage.py createcachetable
$PY manage.py seed_demo
echo "== generating the volume"
$PY bench/generate.py
$PY manage.py collectstatic --noinput -v0

echo "== gunicorn on 127.0.0.1:$PORT (log: $WORK/gunicorn.log)"
.venv/bin/gunicorn --config gunicorn.conf.py --pid "$WORK/gunicorn.pid" >"$WORK/gunicorn.log" 2>&1 &
GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null || true; wait $GUNICORN 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 60); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break
  sleep 0.5
done
curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" || { tail -50 "$WORK/gunicorn.log"; exit 1; }

echo "== measuring"
status=0
GUNICORN_PIDFILE=$WORK/gunicorn.pid BENCH_URL=http://127.0.0.1:$PORT $PY bench/speed.py || status=$?
kill $GUNICORN && wait $GUNICORN || true

if [ -f bench/export_feedback.py ]; then
  echo "== CSV export of 100 000 comments (bench/export_feedback.py, its own database)"
  $PY bench/export_feedback.py --database-url "$PG/bench_feedback" || status=$?
fi
exit $status

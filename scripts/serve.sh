#!/usr/bin/env bash
# Production-like serving: DEBUG off, gunicorn (WSGI), whitenoise with a compressed manifest.
# With nothing set it runs on http://127.0.0.1:$PORT with a secret key kept in DATA_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
export DJANGO_SETTINGS_MODULE=config.settings.production
export DATA_DIR="${DATA_DIR:-$PWD/data}"
export PORT="${PORT:-8000}"
export HOST="${HOST:-127.0.0.1}"
# Plain HTTP on this machine unless the operator says the site is behind HTTPS.
if [ -z "${HTTPS:-}" ] && [ "$HOST" = "127.0.0.1" ] && [ -z "${ALLOWED_HOSTS:-}" ]; then export HTTPS=false; fi
PY="${PYTHON:-.venv/bin/python}"
"$PY" manage.py migrate --noinput -v 0
"$PY" manage.py collectstatic --noinput -v 0
# The task worker sends e-mail and runs reminders and waiting-list offers. Run it as its own
# service in production (docs/operations.md) and set TASK_WORKER=off here.
if [ "${TASK_WORKER:-on}" != "off" ]; then
  PYTHON="$PY" scripts/worker.sh >>"$DATA_DIR/worker.log" 2>&1 &
fi
# Live workshops' WebSockets (/ws/): with LIVE_PORT set, a uvicorn process serves them beside gunicorn; the proxy
# sends /ws/ there (docs/operations.md, "Live workshops: serving /ws/"). It needs REDIS_URL: the channel layer
# is how gunicorn's pages reach uvicorn's screens. Without LIVE_PORT the phones fall back to plain HTTP.
if [ -n "${LIVE_PORT:-}" ]; then
  if [ -z "${REDIS_URL:-}" ]; then
    echo "LIVE_PORT needs REDIS_URL: gunicorn and uvicorn share the live workshops' channel layer through Redis." >&2
    exit 1
  fi
  "$(dirname "$PY")/uvicorn" config.asgi:application --host "$HOST" --port "$LIVE_PORT" --lifespan off \
    --proxy-headers --forwarded-allow-ips "${FORWARDED_ALLOW_IPS:-127.0.0.1}" --no-access-log --log-level warning &
  echo "Live workshops' WebSockets (/ws/) on $HOST:$LIVE_PORT (uvicorn)"
fi
echo "Samskap (production settings) on http://$HOST:$PORT/ — workers: ${WEB_CONCURRENCY:-2}, data: $DATA_DIR"
exec "$(dirname "$PY")/gunicorn" config.wsgi:application \
  --bind "$HOST:$PORT" \
  --workers "${WEB_CONCURRENCY:-2}" \
  --access-logfile "${ACCESS_LOG:--}" \
  --forwarded-allow-ips "${FORWARDED_ALLOW_IPS:-127.0.0.1}"

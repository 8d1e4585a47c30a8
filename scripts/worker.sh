#!/usr/bin/env bash
# The background side of Samskap: the task worker (e-mail, waiting-list offers, search refreshes) and,
# every TICK_SECONDS (default 300), `manage.py events_tick` (expired offers, reminders, feedback
# requests), `manage.py knowledge_tick` (funding deadlines, funding alerts), `manage.py marketplace_tick`
# (ad expiry, renewal reminders, saved-search alerts), `manage.py ideas_tick` (milestone reminders)
# and `manage.py send_digests`
# (the members' daily or weekly notification e-mails). `make run` and scripts/serve.sh start it; in
# production run it as its own service (docs/operations.md). Stops both when it is stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
"$PY" manage.py db_worker --no-reload --interval "${WORKER_INTERVAL:-2}" &
worker=$!
trap 'kill "$worker" 2>/dev/null; exit 0' INT TERM EXIT
while kill -0 "$worker" 2>/dev/null; do
  "$PY" manage.py events_tick -v 0 || echo "worker.sh: events_tick failed; trying again in ${TICK_SECONDS:-300} s" >&2
  "$PY" manage.py knowledge_tick -v 0 || echo "worker.sh: knowledge_tick failed; trying again in ${TICK_SECONDS:-300} s" >&2
  "$PY" manage.py marketplace_tick -v 0 || echo "worker.sh: marketplace_tick failed; trying again in ${TICK_SECONDS:-300} s" >&2
  "$PY" manage.py ideas_tick -v 0 || echo "worker.sh: ideas_tick failed; trying again in ${TICK_SECONDS:-300} s" >&2
  "$PY" manage.py send_digests -v 0 || echo "worker.sh: send_digests failed; trying again in ${TICK_SECONDS:-300} s" >&2
  sleep "${TICK_SECONDS:-300}" & wait $! || true
done

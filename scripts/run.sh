#!/usr/bin/env bash
# `make run`: the development server with the task worker and the scheduler beside it, like production's process
# model (deploy/): background work (mail from the outbox, reindexing, the periodic jobs) runs in the worker, never
# in the request. Ctrl-C stops all three. OCOP_TASKS_BACKEND=immediate runs tasks inline instead (no worker).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM
if [ "${OCOP_TASKS_BACKEND:-database}" = "database" ]; then
    $PY manage.py db_worker --interval 1 &
    pids+=($!)
    $PY manage.py run_scheduler &
    pids+=($!)
fi
$PY manage.py runserver "${OCOP_RUN_ADDRESS:-127.0.0.1:8000}"

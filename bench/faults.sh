#!/usr/bin/env bash
# Fault drills on a release server with the demo data (see bench/faults.py):
#   kill -9 under a write load, on SQLite and (with PG_ADMIN_URL) PostgreSQL;
#   PostgreSQL restarted under load (needs PG_ADMIN_URL and PG_RESTART, e.g.
#   PG_RESTART="pg_ctlcluster 15 main restart").
#   the disk of DATA_DIR filled under load (SQLite on a 64 MB tmpfs; needs
#   root to mount it, skipped otherwise).
# Prints one JSON line per drill; BENCHMARKS.md records a run.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${BENCH_PORT:-3931}
seconds=${DRILL_SECONDS:-8}
# PROFILE=dev drills the debug build (quicker to build, same behaviour).
profile=${PROFILE:-release}
dir=$([ "$profile" = dev ] && echo debug || echo "$profile")
bin="${CARGO_TARGET_DIR:-target}/$dir/stembridge"
cargo build --profile "$profile" --quiet

start() { # DATA_DIR and DATABASE_URL come from the environment
  "$bin" serve >>"$DATA_DIR/server.log" 2>&1 &
  echo $! >"$PID_FILE"
  for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && return
    sleep 0.2
  done
  echo "server did not start" >&2
  exit 1
}
stop() {
  local pid
  pid=$(cat "$PID_FILE")
  kill "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
}

drill() { # $1: sqlite | postgres
  export DATA_DIR PID_FILE BIND="127.0.0.1:$port" RUST_LOG=warn
  DATA_DIR=$(mktemp -d)
  PID_FILE="$DATA_DIR/pid"
  if [ "$1" = postgres ]; then
    local name="sb_faults_$$"
    psql "$PG_ADMIN_URL" -qc "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name"
    export DATABASE_URL="${PG_ADMIN_URL%/*}/$name"
  else
    export SQLITE_PATH="$DATA_DIR/stembridge.db"
    export DATABASE_URL="sqlite://$SQLITE_PATH?mode=rwc"
  fi
  "$bin" seed-demo >/dev/null 2>&1
  start
  SERVER_CMD="[\"$PWD/$bin\", \"serve\"]" python3 bench/faults.py kill9 "http://127.0.0.1:$port" "$1" "$seconds" |
    sed "s/^/kill -9, $1: /"
  if [ "$1" = postgres ] && [ -n "${PG_RESTART:-}" ]; then
    PG_RESTART="$PG_RESTART" python3 bench/faults.py pgdown "http://127.0.0.1:$port" |
      sed "s/^/PostgreSQL restart: /"
  fi
  stop
  echo "server errors logged ($1): $(grep -c ERROR "$DATA_DIR/server.log" || true)"
  if [ "$1" = postgres ]; then
    psql "$PG_ADMIN_URL" -qc "DROP DATABASE IF EXISTS sb_faults_$$"
  fi
  rm -rf "$DATA_DIR"
}

diskfull() {
  if [ "$(id -u)" != 0 ]; then
    echo "disk full: skipped (mounting a tmpfs needs root)"
    return
  fi
  export DATA_DIR PID_FILE BIND="127.0.0.1:$port" RUST_LOG=warn
  DATA_DIR=$(mktemp -d)
  PID_FILE="$(mktemp)"
  mount -t tmpfs -o size=64m tmpfs "$DATA_DIR"
  export SQLITE_PATH="$DATA_DIR/stembridge.db"
  export DATABASE_URL="sqlite://$SQLITE_PATH?mode=rwc"
  "$bin" seed-demo >/dev/null 2>&1
  local log="$PID_FILE.log"
  "$bin" serve >>"$log" 2>&1 &
  echo $! >"$PID_FILE"
  for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
    sleep 0.2
  done
  python3 bench/faults.py diskfull "http://127.0.0.1:$port" | sed "s/^/disk full, sqlite: /" || true
  stop
  echo "server errors logged (disk full): $(grep -c ERROR "$log" || true)"
  umount "$DATA_DIR"
  rm -rf "$DATA_DIR" "$PID_FILE"
  mv "$log" "${FAULTS_LOG:-/dev/null}" 2>/dev/null || rm -f "$log"
}

# DRILLS picks some: "sqlite postgres diskfull" (the default runs all).
drills=${DRILLS:-sqlite postgres diskfull}
for d in $drills; do
  case $d in
    sqlite) drill sqlite ;;
    postgres) if [ -n "${PG_ADMIN_URL:-}" ]; then drill postgres; fi ;;
    diskfull) diskfull ;;
  esac
done

#!/usr/bin/env bash
# District benchmark (issue 16): 50,000 students in 10 schools with guardians,
# 2,000 organizations, 100,000 postings, 200,000 applications and a school
# year of placements, hours and belonging answers; then every counselor,
# admin, employer and student page timed on a release server (p50, p95, size).
#
#   bash bench/district.sh                 # SQLite, full size
#   SCALE=0.1 bash bench/district.sh       # a quick run at a tenth of the counts
#   DB=postgres TEST_DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/postgres \
#     bash bench/district.sh               # PostgreSQL (a fresh database is created)
#   REQUESTS=50 ...                        # requests per page (default 20)
#   KEEP=/tmp/district bash bench/district.sh   # keep the generated data
#                                          # directory (and on PostgreSQL the
#                                          # database district_keep); a later run
#                                          # with the same KEEP reuses it
#   BIN=/path/to/stembridge ...            # another build (e.g. to compare)
#   KEEP_DB=name ...                       # on PostgreSQL, keep the district in this
#                                          # database instead of district_keep
#   PAGES='counselor/(dashboard|outreach)' # time only the pages matching this regex
#   PUBLISHES=0 ...                        # skip the publish -> searchable timing
#   STATS_CACHE_SECONDS=0 ...              # the server counts every page's figures
#                                          # afresh (cold times of the counselor pages)
#   WRITE_SCHOOL=1 ...                     # before every request, one application is
#                                          # written straight into the database at this
#                                          # school (its figures are stale at every page:
#                                          # cold after a write; the writes are not timed)
#
# Prints a Markdown table (copy it into BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${SCALE:-1}
DB=${DB:-sqlite}
REQUESTS=${REQUESTS:-20}
PORT=${PORT:-18516}
PASSWORD=benchmark-password-1
dir=$(mktemp -d)
export DATA_DIR="${KEEP:-$dir}/data"
reuse=false
[ -n "${KEEP:-}" ] && [ -f "$DATA_DIR/stembridge.db" ] && reuse=true
mkdir -p "$DATA_DIR"
bin=${BIN:-./target/release/stembridge}
[ -x "$bin" ] || cargo build --release --bin stembridge --quiet

if [ "$DB" = postgres ]; then
  admin_url=${TEST_DATABASE_URL:?set TEST_DATABASE_URL to a PostgreSQL server}
  if [ -n "${KEEP:-}" ]; then
    name=${KEEP_DB:-district_keep}
    if psql "$admin_url" -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1 \
      && [ -f "$DATA_DIR/generated" ]; then
      reuse=true
    else
      psql "$admin_url" -qc "DROP DATABASE IF EXISTS $name WITH (FORCE)"
      psql "$admin_url" -qc "CREATE DATABASE $name"
      reuse=false
    fi
    cleanup_db() { :; }
  else
    name="district_$$"
    psql "$admin_url" -qc "CREATE DATABASE $name"
    cleanup_db() { psql "$admin_url" -qc "DROP DATABASE IF EXISTS $name WITH (FORCE)" || true; }
  fi
  export DATABASE_URL="${admin_url%/*}/$name"
else
  cleanup_db() { :; }
fi
cleanup() {
  [ -n "${server:-}" ] && kill "$server" 2>/dev/null || true
  cleanup_db
  rm -rf "$dir"
}
trap cleanup EXIT

if [ "$reuse" = true ]; then
  echo "reusing the district in $DATA_DIR" >&2
  # A newer build may add migrations (indexes): apply them and refresh the
  # planner's statistics, as a deployment would.
  "$bin" migrate >/dev/null 2>&1
  if [ "$DB" = postgres ]; then
    psql "$DATABASE_URL" -qc "VACUUM ANALYZE"
  else
    python3 -c "import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute('ANALYZE')" "$DATA_DIR/stembridge.db"
  fi
else
"$bin" migrate >/dev/null 2>&1
ADMIN_PASSWORD=$PASSWORD "$bin" create-admin --email admin@bench.test >/dev/null
echo "generating the district (scale $SCALE, $DB)..." >&2
if [ "$DB" = postgres ]; then
  python3 bench/district.py generate --postgres "$DATABASE_URL" --scale "$SCALE"
else
  python3 bench/district.py generate --sqlite "$DATA_DIR/stembridge.db" --scale "$SCALE"
fi
echo "building the search index..." >&2
/usr/bin/time -f "  reindex: %e s, peak memory %M KiB" "$bin" reindex >/dev/null 2>"$dir/reindex.log" || { cat "$dir/reindex.log"; exit 1; }
tail -1 "$dir/reindex.log" >&2
touch "$DATA_DIR/generated"
fi

BIND=127.0.0.1:$PORT RUST_LOG=warn "$bin" serve >"$dir/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break
  sleep 0.2
done
if [ "$DB" = postgres ]; then write_db="postgres:$DATABASE_URL"; else write_db="sqlite:$DATA_DIR/stembridge.db"; fi
echo "## District, $DB, scale $SCALE ($(date -u +%F), $REQUESTS requests per page, one client)"
python3 bench/district.py time --base "http://127.0.0.1:$PORT" --password "$PASSWORD" --requests "$REQUESTS" --pid "$server" \
  ${PAGES:+--pages "$PAGES"} ${PUBLISHES:+--publishes "$PUBLISHES"} \
  ${WRITE_SCHOOL:+--write-school "$WRITE_SCHOOL" --write-db "$write_db"}

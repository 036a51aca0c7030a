#!/usr/bin/env bash
# Server CPU per search page for the four radius queries of the search mix.
#
#   BENCH_DIR=/path/prepared/by/search.sh bash bench/radius.sh [BIN...]
#
# For each binary (default target/release/stembridge): a fresh copy of the
# prepared data, 30 rounds of the four queries to warm up, then 250 rounds
# over one keep-alive connection; the server's utime+stime from /proc.
# Give two binaries to compare them (run them alternately, several times,
# on a busy machine).
set -euo pipefail
: "${BENCH_DIR:?set BENCH_DIR to a data directory prepared by bench/search.sh}"
port=${BENCH_PORT:-7979}
[ $# -gt 0 ] || set -- target/release/stembridge
rounds() {
  python3 - "$port" "$1" <<'PY'
import http.client, sys
port, n = int(sys.argv[1]), int(sys.argv[2])
queries = [
    "/search?q=data&zip=60623&within_miles=10",
    "/search?zip=77004&within_miles=25&sort=nearest&need=paid",
    "/search?q=chemistry+lab&zip=90011&within_miles=15",
    "/search?need=after_school&need=transportation_support&zip=30310&within_miles=20",
]
connection = http.client.HTTPConnection("127.0.0.1", port)
for _ in range(n):
    for query in queries:
        connection.request("GET", query)
        response = connection.getresponse()
        response.read()
        assert response.status == 200, (query, response.status)
PY
}
for bin in "$@"; do
  copy=$(mktemp -d)
  cp -a "$BENCH_DIR"/. "$copy"/
  DATA_DIR=$copy BIND=127.0.0.1:$port RUST_LOG=warn "$bin" serve >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
  rounds 30
  read -r u0 s0 < <(awk '{print $14, $15}' "/proc/$pid/stat")
  rounds 250
  read -r u1 s1 < <(awk '{print $14, $15}' "/proc/$pid/stat")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$copy"
  ms=$(( (u1 - u0 + s1 - s0) * 1000 / $(getconf CLK_TCK) ))
  echo "$bin: $(echo "scale=2; $ms / 1000" | bc) ms of server CPU a radius page (load $(cut -d' ' -f1 /proc/loadavg))"
done

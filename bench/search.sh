#!/usr/bin/env bash
# Search benchmark: 100,000 opportunities, full reindex, engine latency,
# publish-to-searchable delay, then the HTTP search page under 32 concurrent
# clients against a separate release server process, and its peak memory.
# With MEILI_URL (and MEILI_MASTER_KEY) set, the same runs go through that
# Meilisearch server, and the engine-alone lines add its processingTimeMs.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${BENCH_DIR:-$(mktemp -d)}
port=${BENCH_PORT:-3917}

cargo build --release --quiet
cargo bench --quiet --bench search -- prepare "$dir"

DATA_DIR="$dir" BIND="127.0.0.1:$port" RUST_LOG=warn "${CARGO_TARGET_DIR:-target}/release/stembridge" serve &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
  sleep 0.2
done
# The server's own CPU (user + system, in clock ticks) over the load phase.
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
before=$(cpu)
cargo bench --quiet --bench search -- load "http://127.0.0.1:$port"
ticks=$(( $(cpu) - before ))
echo "server CPU over the load phase: $(( ticks * 1000 / $(getconf CLK_TCK) )) ms (divide by the pages above for a page's share)"
echo "server peak memory: $(grep VmHWM /proc/$server/status | awk '{print $2/1024 " MiB"}')"
echo "server memory now:  $(grep VmRSS /proc/$server/status | awk '{print $2/1024 " MiB"}')"

#!/usr/bin/env bash
# Loopback connection storm with and without the tracer, in one run (needs root and a working BPF
# source). Rounds: baseline, traced, baseline; the ratio is traced / mean(baselines), of the median
# latency per connection. Each connection makes 4 events (connect, accept, two closes); the traced
# round's events are counted in the json sink's file, so lost = 4 * connections - found.
# Usage: sudo tracer-agent/bench/connection-storm.sh [connections per round, default 20000]
# TRACER_ARGS adds tracer options, e.g. TRACER_ARGS=--tcpwatch.kernel.ring-buffer-bytes=33554432
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="$root/tracer-agent/target/tracer-agent-exec.jar"
connections="${1:-20000}"
work="$(mktemp -d)"
events="$work/events.json"
daemon_pid=""

cleanup() {
  if [ -n "$daemon_pid" ] && kill -0 "$daemon_pid" 2>/dev/null; then
    kill -TERM "$daemon_pid"
    wait "$daemon_pid" || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

[ -f "$jar" ] || (cd "$root" && mvn -B -q -pl tracer-agent -am -DskipTests package)
cp "$here/ConnectionStorm.java" "$work/"
javac -d "$work" "$work/ConnectionStorm.java"
storm() { java -cp "$work" ConnectionStorm "$connections"; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

storm >/dev/null   # warm-up: JIT and page cache, not measured
base1="$(storm)"
echo "baseline 1: $base1"

java -jar "$jar" --tcpwatch.sink.type=json --tcpwatch.json.file="$events" --tcpwatch.health.interval=1h \
  --spring.main.keep-alive=true ${TRACER_ARGS:-} >"$work/daemon.log" 2>&1 &
daemon_pid=$!
for _ in $(seq 1 100); do
  grep -q '"event":"health"' "$events" 2>/dev/null && break
  sleep 0.1
done
grep -q '"event":"health"' "$events" || { cat "$work/daemon.log"; echo "the tracer did not start" >&2; exit 1; }

cpu_before="$(cpu_ticks "$daemon_pid")"
traced="$(storm)"
sleep 1
cpu_after="$(cpu_ticks "$daemon_pid")"
echo "traced:     $traced"
kill -TERM "$daemon_pid"
wait "$daemon_pid" || true
daemon_pid=""

base2="$(storm)"
echo "baseline 2: $base2"

port="$(field port "$traced")"
found="$(grep -c "\"dstport\":$port," "$events" || true)"
expected=$((4 * connections))
hz="$(getconf CLK_TCK)"
seconds="$(field seconds "$traced")"
awk -v b1="$(field median_us "$base1")" -v b2="$(field median_us "$base2")" \
    -v t="$(field median_us "$traced")" -v found="$found" -v expected="$expected" -v seconds="$seconds" \
    -v ticks="$((cpu_after - cpu_before))" -v hz="$hz" 'BEGIN {
  base = (b1 + b2) / 2
  printf "median latency per connection: baseline %.1f us, traced %.1f us, ratio %.3f (target <= 1.05)\n",
    base, t, t / base
  printf "events: expected %d, found %d, lost %d, rate %.0f events/s (target 0 lost at >= 20000/s)\n",
    expected, found, expected - found, expected / seconds
  printf "tracer CPU during the traced round (+1 s): %.2f s of %.2f s wall, %.0f%% of one core\n",
    ticks / hz, seconds + 1, 100 * ticks / hz / (seconds + 1)
}'
for kind in connect accept close; do
  printf '%s events: %s\n' "$kind" "$(grep "\"dstport\":$port," "$events" | grep -c "\"event\":\"$kind\"" || true)"
done
grep -h "Tracer stopped" "$work/daemon.log" || true

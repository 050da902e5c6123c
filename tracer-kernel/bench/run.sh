#!/bin/sh
# Connection-storm benchmark of the BPF source. Needs root and a built module:
#   cd /work/main && mvn -B -q -pl tracer-kernel -am install -DskipTests
# Usage: tracer-kernel/bench/run.sh [connections per sample] [rounds]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
module=$(dirname "$here")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gcc -O2 -Wall -Werror -o "$work/storm" "$here/storm.c"
java -cp "$module/../libbpf-jni/target/classes:$module/target/classes" \
	"$here/ConnectionStormBench.java" "$work/storm" "${1:-2000}" "${2:-7}"

#!/bin/sh
# Runs the topology loader fuzzer for a short while (default 30 s) on a seed corpus made of the
# example topologies and the bad-input corpus. Usage:
#   run-fuzz.sh <topology_fuzzer binary> <work dir> [seconds]
# New interesting inputs accumulate in <work dir>/corpus; crashes land in <work dir>/artifacts.
set -eu
fuzzer=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
mkdir -p "$2"
work=$(cd "$2" && pwd)
seconds=${3:-30}
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../../.." && pwd)
mkdir -p "$work/corpus" "$work/seeds" "$work/artifacts"
for f in "$src"/examples/*/topology.yaml; do
  cp "$f" "$work/seeds/example-$(basename "$(dirname "$f")").yaml"
done
cp "$src"/tests/unit/topology/bad/*.yaml "$work/seeds/"
# Relative paths in the inputs resolve against the unit-test folder, so CA and manifest checks run.
cd "$src/tests/unit/topology/bad"
exec "$fuzzer" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -dict="$here/topology.dict" -artifact_prefix="$work/artifacts/" \
  "$work/corpus" "$work/seeds"

#!/bin/sh
# Runs one libFuzzer target for a short while on its seed corpus. Usage:
#   run-fuzz.sh <fuzzer binary> <work dir> <seconds> <dictionary or -> <seed file or dir>...
# The seeds are copied to <work dir>/seeds; new interesting inputs accumulate in
# <work dir>/corpus, crashes land in <work dir>/artifacts. The fuzzer runs in <work dir>/cwd
# (empty), so that relative paths in the inputs name nothing. Exits non-zero on a crash.
set -eu
fuzzer=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
mkdir -p "$2"
work=$(cd "$2" && pwd)
seconds=$3
dict=$4
[ "$dict" = - ] || dict=$(cd "$(dirname "$dict")" && pwd)/$(basename "$dict")
shift 4
mkdir -p "$work/corpus" "$work/seeds" "$work/artifacts" "$work/cwd"
for seed in "$@"; do
  if [ -d "$seed" ]; then cp "$seed"/* "$work/seeds/"; else cp "$seed" "$work/seeds/"; fi
done
set -- -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$work/artifacts/"
[ "$dict" = - ] || set -- "$@" -dict="$dict"
cd "$work/cwd"
exec "$fuzzer" "$@" "$work/corpus" "$work/seeds"

#!/usr/bin/env bash
# Runs every test of the suite (workspace tests and the loom models) N times in release, to catch
# flaky tests: prints each run's failures (full output kept in target/repeat-fail-<run>.log) and a
# summary. Usage: tools/repeat-suite.sh [N=20]
set -uo pipefail
cd "$(dirname "$0")/.."
N=${1:-20}
export CARGO_TARGET_DIR=target/repeat
cargo test --release --workspace --lib --bins --tests --no-run >/dev/null 2>&1 || { echo "build failed"; exit 1; }
RUSTFLAGS="--cfg loom" CARGO_TARGET_DIR=target/loom cargo test -p aorta-engine --release --test loom_handoff --no-run >/dev/null 2>&1
fails=0
start=$(date +%s)
for i in $(seq 1 "$N"); do
  out=$(cargo test --release --workspace --lib --bins --tests 2>&1)
  loom=$(RUSTFLAGS="--cfg loom" CARGO_TARGET_DIR=target/loom cargo test -p aorta-engine --release --test loom_handoff 2>&1)
  passed=$(printf '%s\n%s\n' "$out" "$loom" | grep -oE "test result: ok. [0-9]+ passed" | awk '{s+=$4} END {print s}')
  failed=$(printf '%s\n%s\n' "$out" "$loom" | grep -E "^test .* FAILED$|^    [a-z_:]+$" | sort -u)
  if printf '%s\n%s\n' "$out" "$loom" | grep -q "test result: FAILED\|error: test failed"; then
    fails=$((fails+1)); echo "run $i: FAILED"; printf '%s\n' "$failed"
    printf '%s\n%s\n' "$out" "$loom" > target/repeat-fail-$i.log
  else
    echo "run $i: ok ($passed tests passed) at $(( $(date +%s) - start )) s"
  fi
done
echo "SUMMARY: $fails of $N runs failed; $(( $(date +%s) - start )) s"

#!/usr/bin/env bash
# The whole test suite: every crate's tests (unit, integration, crash, property, kill, bench smoke runs)
# and the loom model checks of the thread hand-offs. Runs in under 20 minutes on 2 cores (CI's
# .ci/run also checks formatting, lints and that the fuzz targets build).
set -euo pipefail
cd "$(dirname "$0")"
# etcd (Debian's package, apt-get) and nats-server (Debian trixie's package, fetched and unpacked
# into a cache), for aorta-bench's comparison test; nothing is done when both are there.
tools/peers/peers.sh install
# --show-output prints what passing tests report (the crash test's count of crash points, the kill
# test's rounds); the benchmarks' smoke runs take criterion's own arguments, so they run apart.
cargo test --workspace --lib --bins --tests --examples -- --show-output
cargo test --workspace --benches
# loom explores every interleaving of the hand-off primitives; it needs its own cfg, so its own target dir.
RUSTFLAGS="--cfg loom" CARGO_TARGET_DIR=target/loom \
  cargo test -p aorta-engine --release --test loom_handoff --test loom_subscription_signal \
    --test loom_subscription_bell

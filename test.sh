#!/usr/bin/env bash
# The whole test suite: every crate's tests (unit, integration, crash, property, kill, bench smoke runs)
# the loom model checks of the thread hand-offs, and a type check of the fuzz targets. Runs in well
# under 20 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")"
# etcd (Debian's package, apt-get) and nats-server (Debian trixie's package, fetched and unpacked
# into a cache), for aorta-bench's comparison test; nothing is done when both are there.
tools/peers/peers.sh install
# The fuzz targets (fuzz/, a workspace of its own) are built by nothing else here, so a change that
# breaks one would go unnoticed: type-check them all on stable (no nightly, no cargo-fuzz needed).
# libfuzzer-sys's build script compiles libFuzzer's C++ sources, hence g++ (apt-get) when there is no
# c++. Its own target dir, fuzz/target (gitignored), is reused: ~50 s on a fresh 2-core machine (~20 s
# of it libFuzzer's C++), under a second on a second run.
if [ -z "${CXX:-}" ] && ! command -v c++ >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then as_root=(); else as_root=(sudo); fi
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq g++ >/dev/null
fi
cargo check --manifest-path fuzz/Cargo.toml --bins --examples
# --show-output prints what passing tests report (the crash test's count of crash points, the kill
# test's rounds); the benchmarks' smoke runs take criterion's own arguments, so they run apart.
cargo test --workspace --lib --bins --tests --examples -- --show-output
cargo test --workspace --benches
# loom explores every interleaving of the hand-off primitives; it needs its own cfg, so its own target dir.
RUSTFLAGS="--cfg loom" CARGO_TARGET_DIR=target/loom \
  cargo test -p aorta-engine --release --test loom_handoff --test loom_subscription_signal \
    --test loom_subscription_bell

#!/usr/bin/env bash
# The peers `aorta-bench compare` runs against: etcd and NATS JetStream (nats-server), from
# Debian's packages, on loopback, their data under one directory (put it on the disk Aorta's data
# is on, so every system writes to the same disk).
#
#   peers.sh install      apt-get install etcd-server and nats-server when missing (idempotent)
#   peers.sh start DIR    start both with their data under DIR; returns once both answer
#   peers.sh stop DIR     stop the ones started with DIR (SIGTERM, then SIGKILL after 10 s)
#
# Ports: ETCD_PORT (default 23790), ETCD_PEER_PORT (23800), NATS_PORT (42220): not the usual
# 2379/4222, so that a system etcd or nats-server started by the package does not collide.
#
# Durability, to match Aorta's acknowledgement (a put is acknowledged once its group commit is
# fdatasynced):
# * etcd: its defaults. A put is acknowledged after the Raft entry is in the WAL and the WAL is
#   fsynced (etcd fsyncs the WAL before applying each batch of entries, and a single member
#   commits alone); concurrent puts share an fsync, as Aorta's group commit does.
# * NATS: nats-server 2.9.10 (Debian bookworm) acknowledges a JetStream publish once the file
#   store has written it to the OS (write(2)), and fsyncs its blocks every 2 minutes; the setting
#   that fsyncs before each ack (`jetstream { sync_interval: always }`) exists only from 2.10 on,
#   and 2.9.10 refuses it ("unknown field"). So NATS's figures are for a weaker durability than
#   Aorta's and etcd's: a power loss can lose up to 2 minutes of acknowledged writes.
set -euo pipefail

ETCD_PORT=${ETCD_PORT:-23790}
ETCD_PEER_PORT=${ETCD_PEER_PORT:-23800}
NATS_PORT=${NATS_PORT:-42220}
# Every wait is bounded.
READY_TIMEOUT_S=${READY_TIMEOUT_S:-30}
STOP_TIMEOUT_S=10

usage() {
  sed -n '2,10p' "$0" >&2
  exit 2
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

nats_server() {
  command -v nats-server 2>/dev/null || echo /usr/sbin/nats-server
}

install() {
  if command -v etcd >/dev/null 2>&1 && [ -x "$(nats_server)" ]; then
    return 0
  fi
  as_root apt-get update -qq
  # The packages may try to start system services; policy-rc.d or the absence of systemd stops
  # that in containers, and the ports above avoid a collision where it does not.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq etcd-server nats-server >/dev/null
  command -v etcd >/dev/null && [ -x "$(nats_server)" ]
}

# Whether a TCP port on loopback accepts a connection.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Whether etcd's /health says it is healthy (it has a leader: itself).
etcd_healthy() {
  local answer
  answer=$(
    exec 2>/dev/null
    exec 3<>"/dev/tcp/127.0.0.1/$ETCD_PORT" || exit 1
    printf 'GET /health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
    timeout 2 cat <&3
  ) || return 1
  [[ $answer == *'"health":"true"'* ]]
}

wait_for() {
  local what=$1 pid=$2 log=$3 check=$4
  local deadline=$((SECONDS + READY_TIMEOUT_S))
  until $check; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$what exited; its log ($log):" >&2
      tail -n 30 "$log" >&2
      return 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      echo "$what did not answer within ${READY_TIMEOUT_S}s; its log ($log):" >&2
      tail -n 30 "$log" >&2
      return 1
    fi
    sleep 0.1
  done
}

start() {
  local dir=$1
  mkdir -p "$dir/etcd" "$dir/nats"
  dir=$(cd "$dir" && pwd)
  if port_open "$ETCD_PORT" || port_open "$NATS_PORT"; then
    echo "port $ETCD_PORT or $NATS_PORT is taken already (peers started? run: $0 stop $dir)" >&2
    return 1
  fi

  # etcd's defaults but the addresses: fsync of the WAL before a put is acknowledged. History is
  # compacted to its last 5 minutes, as a production etcd is (Kubernetes' API server asks for the
  # same): otherwise runs against one data directory fill the 2 GB backend quota ("mvcc: database
  # space exceeded") and every put fails.
  setsid etcd \
    --name aorta-bench \
    --auto-compaction-mode periodic --auto-compaction-retention 5m \
    --data-dir "$dir/etcd" \
    --listen-client-urls "http://127.0.0.1:$ETCD_PORT" \
    --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
    --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-cluster "aorta-bench=http://127.0.0.1:$ETCD_PEER_PORT" \
    --logger zap --log-outputs stderr \
    </dev/null >"$dir/etcd.log" 2>&1 &
  echo $! >"$dir/etcd.pid"

  # JetStream with the file store (the default storage of a KV bucket made with File storage).
  setsid "$(nats_server)" -a 127.0.0.1 -p "$NATS_PORT" -js -sd "$dir/nats" \
    </dev/null >"$dir/nats.log" 2>&1 &
  echo $! >"$dir/nats.pid"

  wait_for etcd "$(cat "$dir/etcd.pid")" "$dir/etcd.log" etcd_healthy
  wait_for nats-server "$(cat "$dir/nats.pid")" "$dir/nats.log" "port_open $NATS_PORT"
  echo "etcd: http://127.0.0.1:$ETCD_PORT  nats: 127.0.0.1:$NATS_PORT  data: $dir"
}

stop() {
  local dir=$1 name pid deadline
  for name in etcd nats; do
    [ -f "$dir/$name.pid" ] || continue
    pid=$(cat "$dir/$name.pid")
    if kill "$pid" 2>/dev/null; then
      deadline=$((SECONDS + STOP_TIMEOUT_S))
      while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$dir/$name.pid"
  done
}

case "${1:-}" in
  install) install ;;
  start) [ $# -eq 2 ] || usage; install; start "$2" ;;
  stop) [ $# -eq 2 ] || usage; stop "$2" ;;
  *) usage ;;
esac

#!/usr/bin/env bash
# The peers `aorta-bench compare` runs against: etcd and NATS JetStream (nats-server), on loopback,
# their data under one directory (put it on the disk Aorta's data is on, so every system writes to
# the same disk). etcd is Debian's package; nats-server is Debian trixie's 2.10.27 package, fetched
# from Debian's pool and unpacked into a cache outside the repository (see "Durability").
#
#   peers.sh install      apt-get install etcd-server (and curl) when missing; fetch, check and
#                         unpack nats-server 2.10.27 when missing (idempotent)
#   peers.sh start DIR    start both with their data under DIR; returns once both answer
#   peers.sh stop DIR     stop the ones started with DIR (SIGTERM, then SIGKILL after 10 s)
#
# Ports: ETCD_PORT (default 23790), ETCD_PEER_PORT (23800), NATS_PORT (42220): not the usual
# 2379/4222, so that a system etcd or nats-server started by a package does not collide.
# nats-server's cache: AORTA_PEERS_CACHE (default ${XDG_CACHE_HOME:-$HOME/.cache}/aorta-peers).
#
# Durability, to match Aorta's acknowledgement (a put is acknowledged once its group commit is
# fdatasynced):
# * etcd: its defaults. A put is acknowledged after the Raft entry is in the WAL and the WAL is
#   fsynced (etcd fsyncs the WAL before applying each batch of entries, and a single member
#   commits alone); concurrent puts share an fsync, as Aorta's group commit does.
# * NATS: nats-server 2.10.27 with `jetstream { sync_interval: always }` (written to DIR/nats.conf
#   by `start`): the file store syncs each message to disk before the JetStream publish is
#   acknowledged, so an acknowledged put survives a power loss, as Aorta's and etcd's do. NATS's
#   default (and all that Debian bookworm's 2.9.10 can do: it refuses `sync_interval`, which came
#   in 2.10) acknowledges once the message is written to the OS and fsyncs every 2 minutes. Debian
#   bookworm has no 2.10, hence the .deb from trixie: a static Go binary (it needs only libc), its
#   size and SHA256 checked against trixie's Packages index before it is unpacked.
set -euo pipefail

ETCD_PORT=${ETCD_PORT:-23790}
ETCD_PEER_PORT=${ETCD_PEER_PORT:-23800}
NATS_PORT=${NATS_PORT:-42220}
# Every wait is bounded.
READY_TIMEOUT_S=${READY_TIMEOUT_S:-30}
STOP_TIMEOUT_S=10
DOWNLOAD_TIMEOUT_S=300

# nats-server 2.10.27 from Debian trixie (the first Debian release with 2.10), as trixie's
# Packages index lists it.
NATS_VERSION=2.10.27
NATS_DEB_URL=http://deb.debian.org/debian/pool/main/n/nats-server/nats-server_2.10.27-1+b2_amd64.deb
NATS_DEB_SIZE=4502708
NATS_DEB_SHA256=6d913ac987b78734c08537c2adeb1526cf735f216173a9170d94b185fcfe6f8a

usage() {
  sed -n '2,14p' "$0" >&2
  exit 2
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

have() {
  command -v "$1" >/dev/null 2>&1
}

peers_cache() {
  echo "${AORTA_PEERS_CACHE:-${XDG_CACHE_HOME:-${HOME:?set AORTA_PEERS_CACHE, XDG_CACHE_HOME or HOME}/.cache}/aorta-peers}"
}

nats_dir() {
  echo "$(peers_cache)/nats-server-$NATS_VERSION"
}

nats_server() {
  echo "$(nats_dir)/usr/sbin/nats-server"
}

# GETs $1 into the file $2, within DOWNLOAD_TIMEOUT_S.
download() {
  if have curl; then
    curl -fsSL --connect-timeout 20 --max-time "$DOWNLOAD_TIMEOUT_S" --retry 3 -o "$2" "$1"
  else
    timeout "$DOWNLOAD_TIMEOUT_S" wget -q --timeout=20 --tries=3 -O "$2" "$1"
  fi
}

# Fetches nats-server's .deb, checks its size and SHA256, and unpacks it into nats_dir: in a
# temporary directory first, renamed into place, so that a failed or concurrent install leaves no
# half tree there. In a subshell, so that the temporary directory goes however it ends.
install_nats() (
  dir=$(nats_dir)
  [ -x "$dir/usr/sbin/nats-server" ] && exit 0
  cache=$(peers_cache)
  mkdir -p "$cache"
  work=$(mktemp -d "$cache/.nats-server-$NATS_VERSION.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  echo "fetching nats-server $NATS_VERSION: $NATS_DEB_URL" >&2
  if ! download "$NATS_DEB_URL" "$work/nats-server.deb"; then
    echo "could not download $NATS_DEB_URL" >&2
    exit 1
  fi
  size=$(stat -c %s "$work/nats-server.deb")
  sum=$(sha256sum "$work/nats-server.deb" | cut -d' ' -f1)
  if [ "$size" != "$NATS_DEB_SIZE" ] || [ "$sum" != "$NATS_DEB_SHA256" ]; then
    echo "$NATS_DEB_URL does not match trixie's Packages index: got $size bytes, SHA256 $sum;" \
      "expected $NATS_DEB_SIZE bytes, SHA256 $NATS_DEB_SHA256. Not installed." >&2
    exit 1
  fi
  dpkg-deb -x "$work/nats-server.deb" "$work/tree"
  if ! "$work/tree/usr/sbin/nats-server" --version | grep -qF "v$NATS_VERSION"; then
    echo "the unpacked nats-server is not $NATS_VERSION" >&2
    exit 1
  fi
  # Another install may have finished meanwhile: then its tree stays.
  mv -T "$work/tree" "$dir" 2>/dev/null || [ -x "$dir/usr/sbin/nats-server" ]
  echo "nats-server $NATS_VERSION: $dir/usr/sbin/nats-server" >&2
)

install() {
  local packages=()
  have etcd || packages+=(etcd-server)
  # A fresh machine may have neither; dpkg-deb, sha256sum and timeout are in every Debian.
  have curl || have wget || packages+=(curl)
  if [ ${#packages[@]} -gt 0 ]; then
    as_root apt-get update -qq
    # The packages may try to start system services; policy-rc.d or the absence of systemd stops
    # that in containers, and the ports above avoid a collision where it does not.
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
  fi
  if ! have etcd; then
    echo "etcd is still missing after apt-get install etcd-server" >&2
    return 1
  fi
  install_nats
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

  # JetStream with the file store (the storage of the KV bucket aorta-bench makes), syncing each
  # message to disk before its publish is acknowledged (see "Durability" at the top).
  cat >"$dir/nats.conf" <<EOF
listen: "127.0.0.1:$NATS_PORT"
jetstream {
  store_dir: "$dir/nats"
  sync_interval: always
}
EOF
  setsid "$(nats_server)" -c "$dir/nats.conf" \
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

#!/bin/bash
# PID 1 of a parity sandbox, started by sandbox.ts as
#   unshare --net --mount --propagation private --pid --fork --kill-child --mount-proc --uts \
#     bash init.sh <folder of this file>
# It turns the fresh namespaces into a throw-away machine (shared
# KERNEL-PARITY-NOTES.md, "Isolation"), prints READY, then waits for its stdin
# to close. When it exits, the kernel kills every process of the PID namespace
# and the network namespaces die with them: nothing outlives a run, even if
# the Node process that started it crashes.
set -euo pipefail
here="$1"

# Private state: /run (so /run/netns and /run/xtables.lock are ours), /tmp and
# /etc/netns. A fresh sysfs shows this network namespace's devices.
mount -t tmpfs -o mode=0755 parity-run /run
# The checkout may itself live under /tmp (CI clones anywhere): take what the
# sandbox needs from it before /tmp is replaced.
mkdir -p /run/.parity/src
cp -r "$here/." /run/.parity/src/
here=/run/.parity/src
mount -t tmpfs -o mode=1777 parity-tmp /tmp
mkdir -p /etc/netns
mount -t tmpfs -o mode=0755 parity-netns /etc/netns
mount -t sysfs parity-sysfs /sys

# The files a lab script may read or rewrite, as on a fresh Debian 12 machine
# named "lab" rather than as on this host, and private, so the host's stay untouched.
mkdir -p /run/.parity/etc /run/.parity/bin
cp "$here/etc/hosts" "$here/etc/resolv.conf" "$here/etc/nsswitch.conf" /run/.parity/etc/
for f in hosts resolv.conf nsswitch.conf; do
  [ -e "/etc/$f" ] || continue  # never create files in the host's /etc
  mount --bind "/run/.parity/etc/$f" "/etc/$f"
done

# A fixed host name, so `hostname` reads the same on every machine.
hostname lab

# The machine a lab script starts on: only `lo`, up (ARCHITECTURE.md, "The lab script").
ip link set lo up

# A stock machine: not a router, and no br_netfilter in the bridge path. This
# kernel has br_netfilter built in with bridge-nf-call-* = 1, and a new network
# namespace copies forwarding from the host's initial namespace, which may be a
# Docker host with ip_forward=1.
sysctl -q -w net.ipv4.conf.all.forwarding=0 net.ipv4.conf.default.forwarding=0
for k in iptables ip6tables arptables; do
  if [ -e "/proc/sys/net/bridge/bridge-nf-call-$k" ]; then
    echo 0 > "/proc/sys/net/bridge/bridge-nf-call-$k"
  fi
done

# Every step finds our `ip` first: it makes `ip netns add` inherit this root
# namespace's settings as on a real machine (see ip-wrapper.sh).
mkdir -p /run/.parity/real
ln -s "$(command -v ip)" /run/.parity/real/ip
install -m 0755 "$here/ip-wrapper.sh" /run/.parity/bin/ip
install -m 0755 "$here/netns-inherit.sh" /run/.parity/bin/parity-netns-inherit
install -m 0755 "$here/link-dump.sh" /run/.parity/bin/parity-link-dump

echo READY
# Wait for the harness to close our stdin (or to die).
cat > /dev/null

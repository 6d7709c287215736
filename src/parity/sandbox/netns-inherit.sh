#!/bin/bash
# parity-netns-inherit NAME: make the fresh namespace /run/netns/NAME start as
# `ip netns add` would on a real machine (see ip-wrapper.sh): copy every
# net.ipv4.conf.all.* and net.ipv4.conf.default.* value of the sandbox root
# namespace (that of PID 1) that differs, "all" before "default" because writing
# all.forwarding also rewrites default.forwarding (Documentation/networking/
# ip-sysctl.rst, "ip_forward"); and keep bridged frames out of iptables.
set -u
ns="/run/netns/$1"
[ -e "$ns" ] || exit 0
nsenter --net=/proc/1/ns/net grep -r . /proc/sys/net/ipv4/conf/all /proc/sys/net/ipv4/conf/default 2>/dev/null \
  | nsenter --net="$ns" bash -c '
      while IFS=: read -r path value; do
        [ -w "$path" ] || continue
        read -r current < "$path" 2>/dev/null || continue
        [ "$current" = "$value" ] || echo "$value" > "$path" 2>/dev/null || true
      done
      for k in iptables ip6tables arptables; do
        f=/proc/sys/net/bridge/bridge-nf-call-$k
        if [ -e "$f" ]; then echo 0 > "$f"; fi
      done'
exit 0

#!/bin/bash
# `ip` inside a parity sandbox: runs the real ip with the same arguments, output
# and exit status; when that call created network namespaces (`ip netns add`),
# each new one then inherits the script's root-namespace settings.
#
# Why: a new namespace copies net.ipv4.conf.{all,default} (ip_forward included)
# from the kernel's *initial* namespace (shared KERNEL-PARITY-NOTES.md,
# "Settings that leak or differ"). On a real machine that is the namespace the
# script runs in, so `sysctl -w net.ipv4.ip_forward=1; ip netns add r` gives r
# forwarding; in a sandbox it would be the host's instead. Doing the copy here,
# inside the same command, keeps `ip netns add r && ip netns exec r sysctl …`
# on one line faithful too.
before=$(ls -A /run/netns 2>/dev/null)
/run/.parity/real/ip "$@"
rc=$?
after=$(ls -A /run/netns 2>/dev/null)
if [ "$before" != "$after" ]; then
  for ns in $after; do
    if ! grep -qxF -- "$ns" <<< "$before"; then
      parity-netns-inherit "$ns"
    fi
  done
fi
exit "$rc"

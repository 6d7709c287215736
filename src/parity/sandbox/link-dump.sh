#!/bin/bash
# parity-link-dump: `ip -d -o link` of the sandbox root namespace and of every
# named namespace, each block after a line "@ns NAME" ("@ns" alone for the
# root). The runner polls it to wait for carrier/operstate to settle, to notice
# link changes and to know whether any bridge exists (link-settle.ts).
echo "@ns"
/run/.parity/real/ip -d -o link
for ns in $(ls -A /run/netns 2>/dev/null); do
  echo "@ns $ns"
  /run/.parity/real/ip -n "$ns" -d -o link 2>/dev/null
done
exit 0

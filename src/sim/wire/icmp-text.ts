/**
 * ICMP messages worded as tcpdump prints them (print-icmp.c, `-nn`): what a
 * student compares against a real capture. Errors name the quoted datagram's
 * destination, so they need its header (and, for port unreachable, the first
 * bytes of its transport header).
 */
import { formatIpv4 } from "../addr";
import { readU16 } from "../core";
import type { IcmpRepr } from "./icmp";
import { IpProtocol, type Ipv4Header } from "./ipv4";

/** Per destination-unreachable code, the text with %s for the quoted destination (codes 0, 1 and 5–15). */
const UNREACHABLE_TEXT: Readonly<Record<number, string>> = {
  0: "net %s unreachable",
  1: "host %s unreachable",
  5: "%s unreachable - source route failed",
  6: "net %s unreachable - unknown",
  7: "host %s unreachable - unknown",
  8: "%s unreachable - source host isolated",
  9: "net %s unreachable - admin prohibited",
  10: "host %s unreachable - admin prohibited",
  11: "net %s unreachable - tos prohibited",
  12: "host %s unreachable - tos prohibited",
  13: "host %s unreachable - admin prohibited filter",
  14: "host %s unreachable - host precedence violation",
  15: "host %s unreachable - precedence cutoff",
};

const REDIRECT_TEXT: readonly string[] = ["redirect %s to net %s", "redirect %s to host %s", "redirect-tos %s to net %s", "redirect-tos %s to host %s"];

/**
 * The part after "ICMP " and before ", length N". `quoted` is the header of
 * the datagram an error carries and `quotedPayload` the bytes after it.
 */
export function describeIcmpForTcpdump(icmp: IcmpRepr, quoted?: Ipv4Header, quotedPayload: Uint8Array = new Uint8Array(0)): string {
  const dst = quoted ? formatIpv4(quoted.dst) : "?";
  switch (icmp.kind) {
    case "echo-request":
    case "echo-reply":
      return `echo ${icmp.kind === "echo-request" ? "request" : "reply"}, id ${icmp.identifier}, seq ${icmp.sequence}`;
    case "destination-unreachable":
      return unreachableText(icmp.code, icmp.nextHopMtu, dst, quoted, quotedPayload);
    case "time-exceeded":
      return icmp.code === 0 ? "time exceeded in-transit" : icmp.code === 1 ? "ip reassembly time exceeded" : `time exceeded-#${icmp.code}`;
    case "redirect": {
      const format = REDIRECT_TEXT[icmp.code];
      const gateway = formatIpv4(icmp.gateway);
      return format ? fill(format, dst, gateway) : `redirect-#${icmp.code} ${dst} to ${gateway}`;
    }
    case "parameter-problem":
      return icmp.code !== 0 ? `parameter problem - code ${icmp.code}` : `parameter problem - octet ${icmp.pointer}`;
    case "other":
      return OTHER_TYPES[icmp.type] ?? `type-#${icmp.type}`;
  }
}

const OTHER_TYPES: Readonly<Record<number, string>> = {
  4: "source quench",
  10: "router solicitation",
  13: "time stamp request",
  14: "time stamp reply",
  15: "information request",
  16: "information reply",
  17: "address mask request",
};

function unreachableText(code: number, mtu: number, dst: string, quoted: Ipv4Header | undefined, payload: Uint8Array): string {
  switch (code) {
    case 2:
      return `${dst} protocol ${quoted?.protocol ?? "?"} unreachable`;
    case 3: {
      const port = payload.length >= 4 ? readU16(payload, 2) : "?";
      if (quoted?.protocol === IpProtocol.TCP) return `${dst} tcp port ${port} unreachable`;
      if (quoted?.protocol === IpProtocol.UDP) return `${dst} udp port ${port} unreachable`;
      return `${dst} protocol ${quoted?.protocol ?? "?"} port ${port} unreachable`;
    }
    case 4:
      return mtu !== 0 ? `${dst} unreachable - need to frag (mtu ${mtu})` : `${dst} unreachable - need to frag`;
    default: {
      const format = UNREACHABLE_TEXT[code];
      return format ? fill(format, dst) : `${dst} unreachable - #${code}`;
    }
  }
}

function fill(format: string, ...values: string[]): string {
  let i = 0;
  return format.replace(/%s/g, () => values[i++] ?? "");
}

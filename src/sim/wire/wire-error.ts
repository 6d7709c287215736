/**
 * Why bytes did not parse as a protocol: precise enough for the inspector to
 * say "IPv4 header checksum 0x1234 is wrong (should be 0xb1c4)" and for the
 * stack to pick the kernel's drop reason. Parsers return these; they never throw.
 */
export type WireProtocol = "ethernet" | "arp" | "ipv4" | "icmp" | "udp" | "tcp";

export type WireError =
  /** Fewer bytes than the header (or its own length field) needs. */
  | { readonly kind: "truncated"; readonly protocol: WireProtocol; readonly needed: number; readonly available: number }
  /** The bytes are all there but the checksum does not match them. */
  | { readonly kind: "bad-checksum"; readonly protocol: WireProtocol; readonly stored: number; readonly computed: number }
  /** A field holds a value the protocol forbids (version 6 in an IPv4 header, IHL 3…). */
  | { readonly kind: "malformed"; readonly protocol: WireProtocol; readonly field: string; readonly message: string }
  /** Valid, but a variant this simulator does not model (ARP over token ring…). */
  | { readonly kind: "unsupported"; readonly protocol: WireProtocol; readonly field: string; readonly message: string };

const PROTOCOL_NAMES: Record<WireProtocol, string> = {
  ethernet: "Ethernet",
  arp: "ARP",
  ipv4: "IPv4",
  icmp: "ICMP",
  udp: "UDP",
  tcp: "TCP",
};

export function hex16(value: number): string {
  return `0x${value.toString(16).padStart(4, "0")}`;
}

/** One sentence for a person. */
export function describeWireError(error: WireError): string {
  const name = PROTOCOL_NAMES[error.protocol];
  switch (error.kind) {
    case "truncated":
      return `${name}: truncated, needs ${error.needed} bytes but only ${error.available} are present`;
    case "bad-checksum":
      return `${name}: bad checksum ${hex16(error.stored)} (should be ${hex16(error.computed)})`;
    case "malformed":
    case "unsupported":
      return `${name}: ${error.message}`;
  }
}

export function truncated(protocol: WireProtocol, needed: number, available: number): WireError {
  return { kind: "truncated", protocol, needed, available };
}

export function malformed(protocol: WireProtocol, field: string, message: string): WireError {
  return { kind: "malformed", protocol, field, message };
}

export function unsupported(protocol: WireProtocol, field: string, message: string): WireError {
  return { kind: "unsupported", protocol, field, message };
}

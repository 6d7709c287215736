/**
 * Classful addressing (RFC 791 §3.2 address formats; ranges as tabulated in
 * RFC 1166 and RFC 5771 for class D). Obsolete since CIDR (RFC 4632), but
 * textbooks still pose "how many subnets" questions from the class's default
 * mask, so the explorer shows it.
 */
import type { Ipv4Address } from "./ipv4";

export type Ipv4ClassLetter = "A" | "B" | "C" | "D" | "E";

export interface Ipv4Class {
  letter: Ipv4ClassLetter;
  /** The class's natural network prefix; null for D (multicast) and E (reserved), which have no networks. */
  defaultPrefix: number | null;
}

/** Decided by the leading bits: 0 → A, 10 → B, 110 → C, 1110 → D, 1111 → E. */
export function ipv4ClassOf(address: Ipv4Address): Ipv4Class {
  const first = address >>> 24;
  if (first < 128) return { letter: "A", defaultPrefix: 8 };
  if (first < 192) return { letter: "B", defaultPrefix: 16 };
  if (first < 224) return { letter: "C", defaultPrefix: 24 };
  if (first < 240) return { letter: "D", defaultPrefix: null };
  return { letter: "E", defaultPrefix: null };
}

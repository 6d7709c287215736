/**
 * What the packet inspector shows: a frame as layers of named fields, each
 * pointing at the bytes it came from so a hex view can highlight them.
 */

export type LayerProtocol = "ethernet" | "arp" | "ipv4" | "icmp" | "udp" | "tcp" | "data";

export interface DecodedField {
  /**
   * Stable identity across frames, e.g. "ipv4.ttl", "tcp.option.mss",
   * "icmp.original.ipv4.ttl" (inside an ICMP error's quoted datagram) —
   * what diffFrames matches on.
   */
  readonly key: string;
  /** Wireshark's name for it: "Time to Live". */
  readonly name: string;
  /** Display text: "64", "10.0.0.1", "0xb1c4 [correct]". */
  readonly value: string;
  /** First byte of the field within the whole frame. */
  readonly offset: number;
  /** Bytes the field touches (for a bit field, the bytes containing its bits). */
  readonly length: number;
  /** For fields narrower than their bytes: bit offset from the most significant bit of `offset`, and width. */
  readonly bits?: { readonly offset: number; readonly length: number };
  /** Set when the value is wrong: "incorrect, should be 0xb1c4". */
  readonly problem?: string;
}

export interface DecodedLayer {
  readonly protocol: LayerProtocol;
  /** A tree heading as Wireshark words it: "Internet Protocol Version 4, Src: 10.0.0.1, Dst: 10.0.1.2". */
  readonly title: string;
  /** True for the datagram an ICMP error quotes, decoded inside the ICMP layer. */
  readonly quoted: boolean;
  readonly offset: number;
  readonly length: number;
  readonly fields: readonly DecodedField[];
  /** What is wrong with the layer as a whole ("truncated: needs 20 bytes, has 12"). */
  readonly problems: readonly string[];
}

export interface DecodedFrame {
  readonly length: number;
  readonly layers: readonly DecodedLayer[];
  /** One line as `tcpdump -nn -S` prints the packet (without the timestamp). */
  readonly summary: string;
}

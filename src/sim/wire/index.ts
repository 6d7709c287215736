// Stateless parse/emit pairs for each protocol, plus the inspector's decoder. Re-exports only.
export * from "./arp";
export * from "./checksum";
export * from "./decode";
export * from "./decoded-frame";
export * from "./ethernet";
export * from "./frame-diff";
export * from "./icmp";
export * from "./icmp-text";
export * from "./ipv4";
export * from "./mac-address";
export * from "./tcp";
export * from "./tcp-options";
export * from "./udp";
export * from "./wire-error";

// Link layer: devices (loopback, veth, bridge with its FDB) and kernel errnos. Re-exports only.
export * from "./bridge";
export * from "./device";
export * from "./errno";
export * from "./fdb";
export * from "./loopback";
export * from "./veth";

// TCP for one namespace: sockets, connections, listeners, the receive path. Re-exports only.
export * from "./ephemeral-port";
export * from "./linux-options";
export * from "./sequence";
export * from "./socket-errno";
export * from "./tcp-connection";
export * from "./tcp-input";
export * from "./tcp-listener";
export * from "./tcp-reset";
export * from "./tcp-socket";
export * from "./tcp-state";
export * from "./tcp-table";

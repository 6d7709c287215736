// The IPv4 stack of one namespace: addresses, FIB, neighbours, IP in/out/forward, ICMP, sockets, sysctls. Re-exports only.
export * from "./fib";
export * from "./fib-trie";
export * from "./icmp-rate-limit";
export * from "./ifaddr";
export * from "./inet-sockets";
export * from "./ip-output";
export * from "./linear-fib";
export * from "./namespace";
export * from "./neighbour-table";
export * from "./prefix-table";
export * from "./route";
export * from "./route-config";
export * from "./route-output";
export * from "./sockets";
export * from "./source-address";
export * from "./sysctl";
export * from "./tcp";

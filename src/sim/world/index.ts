// A world = one machine: clock, trace, namespaces; time travel by replay. Re-exports only.
export * from "./timeline";
export * from "./world";

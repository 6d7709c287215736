// The simulator's foundation: virtual time, the event queue, seeded randomness,
// trace events, results and byte helpers. Re-exports only.
export * from "./bytes";
export * from "./clock";
export * from "./drop-reason";
export * from "./event-queue";
export * from "./result";
export * from "./rng";
export * from "./trace";
export * from "./trace-log";

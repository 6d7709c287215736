/**
 * The simulation worker: the simulator core behind one comlink-exposed API.
 * Crashing on request is real (an uncaught error in the worker's global scope)
 * so the client's restart path is exercised by the same failure users hit.
 */
import { expose } from "comlink";
import { createSimApi } from "./local-api";

const api = createSimApi(() => {
  // Throw outside comlink's call handler so it surfaces as the worker's `error` event,
  // as a genuine bug in the core would.
  queueMicrotask(() => {
    throw new Error("crashForTesting: the simulator was asked to crash");
  });
});

expose(api);

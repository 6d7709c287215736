// Adds DOM matchers (toBeInTheDocument, …) for component tests; harmless in node tests.
import "@testing-library/jest-dom/vitest";
import fc from "fast-check";

// Property tests explore fresh random inputs on every local run; CI replays one
// fixed seed so a green main stays green (set FC_SEED to reproduce a local find).
const seed = process.env.FC_SEED ?? (process.env.CI ? "20261121" : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });

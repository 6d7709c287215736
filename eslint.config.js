// Lint rules, including the architecture's import rules (shared ARCHITECTURE.md,
// "Dependency rules"): the simulation core stays pure and deterministic, its
// layers form a ladder, and the UI reaches the core only through the worker.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

/** The ladder inside src/sim: each layer may import only itself and the layers before it. */
const SIM_LADDER = ["core", "addr", "wire", "link", "netfilter", "stack", "apps", "world", "shell"];

const UI_LIBS = ["react", "react-dom", "react-dom/*", "d3", "d3-*", "zustand", "zustand/*", "mermaid", "comlink", "@xterm/*", "wouter"];

function simLayerConfig(layer, index) {
  const higher = SIM_LADDER.slice(index + 1);
  return {
    files: [`src/sim/${layer}/**/*.ts`],
    ignores: ["**/*.test.ts", "**/*.test-support.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: UI_LIBS, message: "src/sim is pure TypeScript: no UI libraries." },
            { group: ["node:*"], message: "src/sim runs in a browser worker too: no Node APIs." },
            { group: ["**/ui/**", "**/worker/**", "**/lesson-pipeline/**", "**/embed/**", "**/cli/**"], message: "src/sim must not depend on the layers above it." },
            ...(higher.length
              ? [{ group: higher.flatMap((h) => [`../${h}`, `../${h}/*`, `**/sim/${h}/*`]), message: `sim/${layer} sits below ${higher.join(", ")} in the layer ladder.` }]
              : []),
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "test-results/**", "playwright-report/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["src/ui/**/*.{ts,tsx}", "src/embed/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  },
  // The simulation core: deterministic, no wall clock, no ambient randomness.
  {
    files: ["src/sim/**/*.ts"],
    ignores: ["**/*.test.ts", "**/*.test-support.ts"],
    languageOptions: { globals: {} },
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "Date", message: "Use the world's virtual clock." },
        { name: "setTimeout", message: "Schedule on the world's event queue." },
        { name: "setInterval", message: "Schedule on the world's event queue." },
        { name: "performance", message: "Use the world's virtual clock." },
        { name: "window", message: "src/sim has no DOM." },
        { name: "document", message: "src/sim has no DOM." },
        { name: "process", message: "src/sim has no Node process." },
      ],
      "no-restricted-properties": ["error", { object: "Math", property: "random", message: "Use the world's seeded RNG." }],
    },
  },
  ...SIM_LADDER.map(simLayerConfig),
  // Everything outside sim reaches the core through the worker: type imports only,
  // except pure decoders/parsers (wire, addr) that the inspector and the lesson check use.
  {
    files: ["src/ui/**/*.{ts,tsx}", "src/embed/**/*.{ts,tsx}", "src/lesson-pipeline/**/*.ts"],
    ignores: ["**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              // Every sim layer but the pure parsers (gitignore-style negation cannot
              // re-include below an excluded folder, so the layers are listed).
              group: ["**/sim/index", ...SIM_LADDER.filter((l) => l !== "wire" && l !== "addr").map((l) => `**/sim/${l}/**`), ...SIM_LADDER.filter((l) => l !== "wire" && l !== "addr").map((l) => `**/sim/${l}`)],
              allowTypeImports: true,
              message: "Use the simulator through the worker client (src/worker/client.ts); only types may be imported from src/sim.",
            },
          ],
        },
      ],
    },
  },

);

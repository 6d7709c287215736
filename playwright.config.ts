import { defineConfig, devices } from "@playwright/test";
import { existsSync } from "node:fs";

// Playwright cannot download its own browser here: use Debian's Chromium when present.
const debianChromium = "/usr/bin/chromium";
const executablePath = existsSync(debianChromium) ? debianChromium : undefined;

/** The built site (npm run build) is what users get; e2e tests it by default. */
const PREVIEW_PORT = 4173;
/** A dev server with fixture lessons (broken, hostile) beside the real ones. */
const FIXTURE_PORT = 5174;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PREVIEW_PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      command: `npx vite preview --host 127.0.0.1 --port ${PREVIEW_PORT} --strictPort`,
      // Vite's note about its native config loader, which lists every extensionless import the config reaches.
      env: { VITE_CONFIG_NATIVE_IGNORE_WARNING: "true" },
      url: `http://127.0.0.1:${PREVIEW_PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `npx vite --host 127.0.0.1 --port ${FIXTURE_PORT} --strictPort`,
      env: { WIREBOOK_EXTRA_LESSONS: "e2e/fixtures/lessons", WIREBOOK_LESSON_OVERLAY: "0", VITE_CONFIG_NATIVE_IGNORE_WARNING: "true" },
      url: `http://127.0.0.1:${FIXTURE_PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
});

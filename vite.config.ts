/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { wirebookLessons } from "./src/lesson-pipeline/vite-plugin";
import { readCheckLine } from "./src/sim/shell/exec/lab-session-check";

// Extra lesson folders (comma-separated) let e2e tests serve fixture lessons
// — a broken one, a hostile one — beside the real course without shipping them.
const extraLessonDirs = (process.env.WIREBOOK_EXTRA_LESSONS ?? "")
  .split(",")
  .map((dir) => dir.trim())
  .filter(Boolean);

export default defineConfig({
  plugins: [
    react(),
    wirebookLessons({
      dirs: ["lessons", ...extraLessonDirs],
      // Lesson errors show in Vite's overlay while authoring; the e2e server turns it
      // off because the broken fixture lesson is broken on purpose.
      overlay: process.env.WIREBOOK_LESSON_OVERLAY !== "0",
      // A challenge's check lines are read by the simulator's own shell parser, as `lessons:check` reads them.
      labShell: { readCheckLine },
    }),
  ],
  worker: { format: "es" },
  build: { target: "es2022", sourcemap: true, manifest: true, chunkSizeWarningLimit: 1500 },
  test: {
    include: ["src/**/*.test.{ts,tsx}"],
    environment: "node",
    setupFiles: ["./src/test-setup.ts"],
    pool: "forks",
  },
});

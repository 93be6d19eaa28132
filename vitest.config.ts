import path from "node:path";
import { defineConfig } from "vitest/config";

// Two projects, which `npm test` (scripts/test.sh) runs as two vitest processes side by side:
// "processes" holds the files that start real servers, workers and browsers and kill them (one file
// at a time, as they were written for), "units" everything that runs in the test process itself.
// `npx vitest run <file>` runs one file in whichever project holds it. A few fault files that
// mostly wait on their processes (a maintenance tick, a start-up, a lock) run in the units lane,
// so the two lanes take about as long as each other.
const PROCESS_TESTS = ["tests/e2e/**/*.test.ts", "tests/fault/**/*.test.ts"];
const WAITING_FAULT_TESTS = ["backup-failure", "custody-startup", "rebuild", "stalled-worker", "one-instance"].map((name) => `tests/fault/${name}.test.ts`);

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/support/server-only-stub.ts"),
    },
  },
  test: {
    globalSetup: ["tests/support/global-setup.ts"],
    reporters: ["default", "./tests/support/summary-reporter.ts"],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    pool: "forks",
    maxWorkers: 1,
    env: { NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" },
    projects: [
      { extends: true, test: { name: "units", include: ["lib/**/*.test.ts", "components/**/*.test.ts", "tests/integration/**/*.test.ts", ...WAITING_FAULT_TESTS] } },
      { extends: true, test: { name: "processes", include: PROCESS_TESTS, exclude: WAITING_FAULT_TESTS } },
    ],
  },
});

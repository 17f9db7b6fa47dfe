import { defineConfig } from "vitest/config";

// Unit tests need no database; integration tests get a fresh database per file, cloned from a migrated
// image (PGlite) or template (PostgreSQL), chosen by NAMRO_TEST_DB; the replication test starts its own
// primary and standby; browser journeys drive the built app.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: [
            "packages/*/src/**/*.test.ts",
            "apps/*/src/**/*.test.ts",
            "apps/api/test/**/*.test.ts",
            "scripts/**/*.test.ts",
            "bench/**/*.test.ts",
          ],
          exclude: ["**/*.int.test.ts", "**/*.replication.test.ts", "**/node_modules/**"],
          environment: "node",
        },
      },
      {
        test: {
          name: "integration",
          include: ["apps/api/**/*.int.test.ts"],
          exclude: ["**/node_modules/**"],
          globalSetup: ["apps/api/test/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: "forks",
        },
      },
      {
        // A primary and a hot standby started from the machine's PostgreSQL binaries (ADR 0009), whatever
        // NAMRO_TEST_DB says: run once by `npm test`.
        test: {
          name: "replication",
          include: ["apps/api/**/*.replication.test.ts"],
          exclude: ["**/node_modules/**"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: "forks",
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.spec.ts"],
          globalSetup: ["e2e/global-setup.ts"],
          testTimeout: 90_000,
          hookTimeout: 240_000,
          pool: "forks",
          // One browser at a time: the machines have two cores, shared with the app and its database.
          fileParallelism: false,
          // A page may take a few seconds on a busy two-core machine; waiting is not a timing assertion.
          expect: { poll: { timeout: 15_000, interval: 100 } },
        },
      },
    ],
  },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-chromium.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // One worker process runs every file, importing the app, Express and
    // Playwright once (2.5 CPU-s a run). No file mocks a module or changes
    // a global of the test process; each starts and stops its own server.
    isolate: false,
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
  },
});

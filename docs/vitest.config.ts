import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // One Chromium for the run, which the browser tests connect to.
    globalSetup: ["test/browser-server.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
  },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each verify run starts a server (and Chromium for the pages): one
    // file at a time on a busy 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
  },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Unit tests that share no state between files: one worker runs them
    // all with one module cache, instead of a process that imports
    // everything again for each file.
    isolate: false,
    // Type tests pin the structural adapter types to the real libraries.
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"] },
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
  },
});

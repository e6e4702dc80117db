import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Type tests pin the structural adapter types to the real libraries.
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"] },
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
  },
});

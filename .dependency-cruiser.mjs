// The import-cycle check (npm run check-cycles, part of npm test): no
// module may reach itself through its imports, type-only imports counted.
// TypeScript drops an `import type` when it compiles, so such a cycle does
// no harm at run time, and eslint's import-x/no-cycle lets it through; but
// two files that need each other are still one concern in two places.
/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment:
        "This module imports itself through others: move what both need into a module of its own.",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // Read the TypeScript source as written, before compilation: an
    // `import type` is a dependency too.
    tsPreCompilationDeps: true,
    // Another workspace, a library: not followed. What is built is not cruised.
    doNotFollow: { path: "node_modules" },
    // Nor what verify's tests copy into an exercise while they run.
    exclude: {
      path: [
        "(^|/)(node_modules|dist|cache|reports)/",
        "^exercises/[^/]+/tmp-",
      ],
    },
    moduleSystems: ["es6", "cjs"],
  },
};

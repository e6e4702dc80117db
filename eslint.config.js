// One lint config for the whole tree. Typed rules matter here: a floating
// promise in socket code is a silent lost error.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/dist/**",
      "**/reports/**",
      "**/.turbo/**",
      "**/node_modules/**",
      "docs/.vitepress/cache/**",
      "docs/.vitepress/dist/**",
      // verify's tests copy a solution here, with a bug put in, while the
      // lint may be running beside them.
      "exercises/*/tmp-*/**",
      // Vite writes a data loader's compiled copy beside it for a moment
      // while the docs build runs (verdict.data.ts.timestamp-N-HASH.mjs):
      // a lint that lists it then finds it gone.
      "**/*.timestamp-*.mjs",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: {
        projectService: {
          allowDefaultProject: [
            "*.js",
            "*.mjs",
            "scripts/*.mjs",
            "scripts/*.d.mts",
          ],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Code is read by learners: a source file past 400 lines holds more
    // than one concern. Tests and fixtures may be longer.
    ignores: ["**/test/**", "**/*.test.*", "**/fixtures/**"],
    rules: { "max-lines": ["error", { max: 400 }] },
  },
);

// Type-checks the kit, then every exercise's start/, solution/ and plain/
// on its own (each has its own tsconfig.json, as verify checks it). A
// start may hold the note's bugs, but it must type-check.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

// TypeScript 7's compiler (the native one, installed as @typescript/native
// beside TypeScript 6, which typescript-eslint still needs). Its package
// exports no bin path, so find the script from its package.json.
const tsc = join(
  dirname(
    createRequire(import.meta.url).resolve("@typescript/native/package.json"),
  ),
  "bin",
  "tsc",
);
const projects = ["."];
for (const entry of readdirSync(".", { withFileTypes: true })) {
  if (!entry.isDirectory() || entry.name === "kit") continue;
  for (const side of ["start", "solution", "plain"]) {
    const dir = `${entry.name}/${side}`;
    if (existsSync(`${dir}/tsconfig.json`)) projects.push(dir);
  }
}
let failed = 0;
for (const project of projects) {
  try {
    execFileSync(process.execPath, [tsc, "-p", project, "--noEmit"], {
      stdio: "inherit",
    });
  } catch {
    console.error(`check-types: ${project} does not type-check`);
    failed += 1;
  }
}
process.exit(failed === 0 ? 0 : 1);

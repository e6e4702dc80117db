import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { repoRoot } from "./exercises.js";

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
/** Long enough for a cold tsc on a busy laptop; never a hang. */
const TSC_TIMEOUT_MS = 90_000;

/**
 * Runs tsc on the folder's tsconfig.json (emitting to `outDir` when given):
 * undefined when it compiles, else the compiler's lines.
 */
export function typeCheck(
  dir: string,
  outDir?: string,
): Promise<string[] | undefined> {
  const args = [tsc, "-p", relative(repoRoot, dir), "--pretty", "false"];
  if (outDir)
    args.push("--outDir", outDir, "--rootDir", dir, "--noEmit", "false");
  else args.push("--noEmit");
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { cwd: repoRoot, timeout: TSC_TIMEOUT_MS },
      (error, stdout, stderr) => {
        if (!error) {
          resolve(undefined);
          return;
        }
        const lines = `${stdout}${stderr}`
          .split("\n")
          .filter((line) => line.trim() !== "");
        resolve(
          lines.length > 0
            ? lines
            : [`tsc stopped without a message (${error.message})`],
        );
      },
    );
  });
}

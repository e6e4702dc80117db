// A throwaway copy of what `npm ci` reads (the package.json files and the
// lock file), so that measuring an install never touches the repository's
// own node_modules; and npm, run from these commands.
import { spawn } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** The repository's root folder. */
export const repoRoot = join(import.meta.dirname, "..", "..", "..", "..");

/** The lock file, parsed. */
export const readLock = (root = repoRoot) =>
  JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));

/**
 * A new folder with the root package.json, the lock file, .npmrc if there
 * is one, and each workspace's package.json: enough for `npm ci`.
 */
export function scratchCopy(prefix) {
  const scratch = mkdtempSync(join(tmpdir(), prefix));
  const workspaces = Object.keys(readLock().packages).filter(
    (path) => path !== "" && !path.includes("node_modules/"),
  );
  const files = [
    "package.json",
    "package-lock.json",
    ".npmrc",
    ...workspaces.map((folder) => `${folder}/package.json`),
  ];
  for (const file of files) {
    if (!existsSync(join(repoRoot, file))) continue;
    mkdirSync(dirname(join(scratch, file)), { recursive: true });
    copyFileSync(join(repoRoot, file), join(scratch, file));
  }
  return scratch;
}

/**
 * Runs npm with these arguments in `cwd`; resolves with the seconds it
 * took, rejects when npm fails. npm says where its CLI is to the scripts
 * it runs (npm_execpath): running that file with this Node needs no shell
 * and no `npm.cmd` lookup on Windows.
 */
export function runNpm(args, cwd) {
  const npmCli = process.env.npm_execpath;
  if (!npmCli) {
    throw new Error(
      "start it through npm (npm run prime-cache), which says where npm is",
    );
  }
  // The folder npm was started in is not the one this npm works in.
  const env = { ...process.env };
  delete env.npm_config_local_prefix;
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [npmCli, ...args], {
      cwd,
      env,
      stdio: "inherit",
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolvePromise((performance.now() - started) / 1000);
      else reject(new Error(`npm ${args.join(" ")} exited with ${code}`));
    });
  });
}

// The install: node_modules there, and what package-lock.json says.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { missing, ok } from "./result.mjs";

const FIX =
  "run npm ci in the repository's root (it installs exactly what package-lock.json lists)";

/**
 * Compares package-lock.json with node_modules: npm records what it
 * installed in node_modules/.package-lock.json, and each package has its
 * own package.json on disk. Optional packages are skipped: npm installs
 * only the current platform's (esbuild's, turbo's, the native
 * TypeScript's binaries).
 */
export function checkInstall(root) {
  const lockPath = join(root, "package-lock.json");
  const installedPath = join(root, "node_modules", ".package-lock.json");
  if (!existsSync(join(root, "node_modules"))) {
    return missing("no node_modules: the install has not run", FIX);
  }
  if (!existsSync(installedPath)) {
    return missing("node_modules has no record of an npm install", FIX);
  }
  const lock = JSON.parse(readFileSync(lockPath, "utf8")).packages ?? {};
  const installed =
    JSON.parse(readFileSync(installedPath, "utf8")).packages ?? {};
  const wrong = [];
  for (const [path, entry] of Object.entries(lock)) {
    if (!path.includes("node_modules/") || entry.optional) continue;
    const there = installed[path];
    const onDisk = existsSync(join(root, path, "package.json"));
    if (!there || !onDisk) wrong.push(`${path} missing`);
    else if (entry.version !== undefined && there.version !== entry.version) {
      wrong.push(`${path} is ${there.version}, the lock says ${entry.version}`);
    }
  }
  if (wrong.length > 0) {
    const shown = wrong.slice(0, 3).join("; ");
    const more = wrong.length > 3 ? ` and ${wrong.length - 3} more` : "";
    return missing(
      `node_modules differs from package-lock.json: ${shown}${more}`,
      FIX,
    );
  }
  return ok(
    `install matches package-lock.json (${Object.keys(installed).length} packages)`,
  );
}

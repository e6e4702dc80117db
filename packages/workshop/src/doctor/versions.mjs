// Node and npm against the `engines` of the root package.json.
import { execFileSync } from "node:child_process";
import { missing, ok } from "./result.mjs";

/** "20.19.0" -> [20, 19, 0] */
const parts = (version) =>
  version
    .replace(/^v/, "")
    .split(".")
    .map((part) => Number.parseInt(part, 10) || 0);

/**
 * Whether `version` satisfies a range of the form engines uses here:
 * `>=20.19` (only `>=`; anything else is reported, not guessed).
 */
export function satisfies(version, range) {
  const match = /^>=\s*(\d+(?:\.\d+){0,2})$/.exec(range.trim());
  if (!match)
    throw new Error(`doctor reads only ">=x.y.z" ranges, not "${range}"`);
  const have = parts(version);
  const need = parts(match[1]);
  for (let i = 0; i < 3; i++) {
    if ((have[i] ?? 0) !== (need[i] ?? 0))
      return (have[i] ?? 0) > (need[i] ?? 0);
  }
  return true;
}

export function checkNode(engines, version = process.versions.node) {
  const range = engines.node;
  if (satisfies(version, range))
    return ok(`Node ${version} (the workshop needs ${range})`);
  return missing(
    `Node ${version}, the workshop needs ${range}`,
    "install the current LTS from https://nodejs.org (or with nvm, fnm, Volta), open a new terminal, and run npm ci again",
  );
}

/**
 * npm's version: from the user agent npm gives the scripts it runs
 * (`npm/11.19.1 node/v20.20.2 ...`), else by asking npm itself.
 */
export function npmVersion(env = process.env) {
  const fromAgent = /\bnpm\/(\d+\.\d+\.\d+)/.exec(
    env.npm_config_user_agent ?? "",
  );
  if (fromAgent) return fromAgent[1];
  try {
    return execFileSync("npm", ["--version"], {
      encoding: "utf8",
      shell: process.platform === "win32", // npm is npm.cmd there
    }).trim();
  } catch {
    return undefined;
  }
}

export function checkNpm(engines, version = npmVersion()) {
  const range = engines.npm;
  if (version === undefined) {
    return missing(
      "npm not found",
      "install Node.js from https://nodejs.org, which brings npm",
    );
  }
  if (satisfies(version, range))
    return ok(`npm ${version} (the workshop needs ${range})`);
  return missing(
    `npm ${version}, the workshop needs ${range}`,
    "npm install -g npm@latest, or a newer Node.js, which brings a newer npm",
  );
}

#!/usr/bin/env node
// Measures the install on this machine and writes docs/data/install.json,
// which the instructor page's Wi-Fi advice reads its figures from:
//
//   npm run measure-install
//
// 1. `npm ci` from an empty cache, in a scratch copy of the lock file: what
//    it downloads (the bytes npm stored in that cache: every tarball and
//    registry entry it fetched) and what it leaves on disk (node_modules,
//    as `du` counts it).
// 2. prime-cache.mjs into another empty cache: its size for every
//    platform of the room, and the time it took.
// 3. `npm ci --offline` from that cache, in a fresh scratch copy: the time
//    an attendee's install takes without the Wi-Fi.
// Takes a few minutes and downloads the install twice; needs the network.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { arch, platform, tmpdir } from "node:os";
import { join } from "node:path";
import { nodeModulesFolders, sizeOf } from "./offline-cache/disk.mjs";
import { PLATFORMS, platformName } from "./offline-cache/platforms.mjs";
import { repoRoot, runNpm, scratchCopy } from "./offline-cache/scratch.mjs";
import { primeCache } from "./offline-cache/prime.mjs";

const OUTPUT = join(repoRoot, "docs", "data", "install.json");
const QUIET = ["--no-audit", "--no-fund", "--loglevel=error"];

const cacheBytes = (cacheDir) =>
  sizeOf(join(cacheDir, "_cacache", "content-v2")).content;

const seconds = (value) => Math.round(value * 10) / 10;

const temporary = [];
const fresh = (prefix) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
};

try {
  console.log("measure-install: npm ci from an empty cache...");
  const onlineCache = fresh("install-cache-");
  const online = scratchCopy("install-online-");
  temporary.push(online);
  const onlineSeconds = await runNpm(
    ["ci", `--cache=${onlineCache}`, ...QUIET],
    online,
  );
  const installed = Object.entries(
    JSON.parse(
      readFileSync(join(online, "node_modules", ".package-lock.json"), "utf8"),
    ).packages,
  ).filter(([, entry]) => !entry.link).length;
  const nodeModules = nodeModulesFolders(online)
    .map(sizeOf)
    .reduce(
      (sum, size) => ({
        disk: sum.disk + size.disk,
        content: sum.content + size.content,
      }),
      { disk: 0, content: 0 },
    );

  console.log("measure-install: prime-cache into an empty cache...");
  const primedCache = fresh("install-primed-");
  const primeStarted = performance.now();
  const primedPackages = await primeCache(primedCache);
  const primeSeconds = (performance.now() - primeStarted) / 1000;

  console.log("measure-install: npm ci --offline from it...");
  const offline = scratchCopy("install-offline-");
  temporary.push(offline);
  const offlineSeconds = await runNpm(
    ["ci", "--offline", `--cache=${primedCache}`, ...QUIET],
    offline,
  );

  const figures = {
    measuredOn: {
      os: platform(),
      cpu: arch(),
      node: process.version,
      npm: process.env.npm_config_user_agent?.match(/npm\/(\S+)/)?.[1],
      date: new Date().toISOString().slice(0, 10),
    },
    npmCi: {
      packages: installed,
      downloadBytes: cacheBytes(onlineCache),
      nodeModulesDiskBytes: nodeModules.disk,
      nodeModulesContentBytes: nodeModules.content,
      seconds: seconds(onlineSeconds),
    },
    primedCache: {
      platforms: PLATFORMS.map(platformName),
      packages: primedPackages,
      bytes: cacheBytes(primedCache),
      primeSeconds: seconds(primeSeconds),
      offlineCiSeconds: seconds(offlineSeconds),
    },
  };
  writeFileSync(OUTPUT, `${JSON.stringify(figures, null, 2)}\n`);
  console.log(JSON.stringify(figures, null, 2));
  console.log(`measure-install: wrote ${OUTPUT}`);
} finally {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
}

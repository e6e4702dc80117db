// The offline install: one npm cache primed for every laptop of the room.
// Read from the lock file alone, with no network: which platforms the
// cache serves, which packages it takes for them, and how the check that
// CI runs on a primed cache tells a complete one from one that misses a
// platform's build.
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { contentPath, holds } from "../src/offline-cache/cacache.mjs";
import {
  PLATFORMS,
  installsOn,
  nativeBuilds,
  platformName,
} from "../src/offline-cache/platforms.mjs";
import { readLock } from "../src/offline-cache/scratch.mjs";
import { checkCache, complete } from "../src/offline-cache/check.mjs";
import { DEFAULT_CACHE, packagesFor } from "../src/offline-cache/prime.mjs";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
interface LockEntry {
  version: string;
  integrity: string;
  name?: string;
  link?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
}
const lock = readLock() as { packages: Record<string, LockEntry> };
const versionOf = (path: string) => lock.packages[path]!.version;

describe("the platforms one cache serves", () => {
  it("are Linux, macOS and Windows, each on x64 and arm64", () => {
    expect(PLATFORMS.map(platformName)).toEqual([
      "linux-x64",
      "linux-arm64",
      "darwin-x64",
      "darwin-arm64",
      "win32-x64",
      "win32-arm64",
    ]);
  });

  it("tests a package's os, cpu and libc as npm does", () => {
    const linux = { os: "linux", cpu: "x64", libc: "glibc" };
    const mac = { os: "darwin", cpu: "arm64" };
    expect(installsOn({}, mac)).toBe(true);
    expect(installsOn({ os: ["darwin"], cpu: ["arm64"] }, mac)).toBe(true);
    expect(installsOn({ os: ["darwin"], cpu: ["x64"] }, mac)).toBe(false);
    expect(installsOn({ os: ["!win32"] }, mac)).toBe(true);
    expect(installsOn({ os: ["!darwin"] }, mac)).toBe(false);
    expect(installsOn({ os: ["linux"], libc: ["musl"] }, linux)).toBe(false);
    expect(installsOn({ os: ["linux"], libc: ["glibc"] }, linux)).toBe(true);
    // libc is a Linux matter: a package that names one is still for macOS
    // when its os says so.
    expect(installsOn({ os: ["darwin"], libc: ["glibc"] }, mac)).toBe(true);
  });
});

describe("the native tools' builds, in the lock file", () => {
  // What a laptop of each platform installs for esbuild (the project's
  // and VitePress's own copy), turbo and the native TypeScript.
  const EXPECTED: Record<string, string[]> = {
    "linux-x64": [
      "@esbuild/linux-x64",
      "@turbo/linux-64",
      "@typescript/typescript-linux-x64",
    ],
    "linux-arm64": [
      "@esbuild/linux-arm64",
      "@turbo/linux-arm64",
      "@typescript/typescript-linux-arm64",
    ],
    "darwin-x64": [
      "@esbuild/darwin-x64",
      "@turbo/darwin-64",
      "@typescript/typescript-darwin-x64",
    ],
    "darwin-arm64": [
      "@esbuild/darwin-arm64",
      "@turbo/darwin-arm64",
      "@typescript/typescript-darwin-arm64",
    ],
    "win32-x64": [
      "@esbuild/win32-x64",
      "@turbo/windows-64",
      "@typescript/typescript-win32-x64",
    ],
    "win32-arm64": [
      "@esbuild/win32-arm64",
      "@turbo/windows-arm64",
      "@typescript/typescript-win32-arm64",
    ],
  };

  it.each(PLATFORMS.map((platform) => [platformName(platform), platform]))(
    "%s: one build of each tool, named for that platform",
    (name, platform) => {
      const [esbuild, turbo, typescript] = EXPECTED[name]!;
      const found = nativeBuilds(lock, platform).map(
        ({ tool, version, builds }) => ({
          tool,
          version,
          builds: builds.map((build) => `${build.name}@${build.version}`),
        }),
      );
      expect(found).toEqual([
        {
          tool: "esbuild",
          version: versionOf("node_modules/esbuild"),
          builds: [`${esbuild}@${versionOf("node_modules/esbuild")}`],
        },
        {
          tool: "esbuild",
          version: versionOf("node_modules/vitepress/node_modules/esbuild"),
          builds: [
            `${esbuild}@${versionOf("node_modules/vitepress/node_modules/esbuild")}`,
          ],
        },
        {
          tool: "turbo",
          version: versionOf("node_modules/turbo"),
          builds: [`${turbo}@${versionOf("node_modules/turbo")}`],
        },
        {
          tool: "native TypeScript",
          version: versionOf("node_modules/@typescript/native"),
          builds: [
            `${typescript}@${versionOf("node_modules/@typescript/native")}`,
          ],
        },
      ]);
    },
  );
});

describe("what prime-cache adds to the cache", () => {
  const everyPlatform = packagesFor(lock);
  const linuxOnly = packagesFor(lock, [PLATFORMS[0]!]);

  it("takes every package that installs the same everywhere", () => {
    const plain = Object.entries(lock.packages)
      .filter(([path, entry]) => path.includes("node_modules/") && !entry.link)
      .filter(([, entry]) => !entry.os && !entry.cpu && !entry.libc)
      .map(
        ([path, entry]) =>
          `${entry.name ?? path.slice(path.lastIndexOf("node_modules/") + 13)}@${entry.version}`,
      );
    expect(plain.length).toBeGreaterThan(300);
    expect(linuxOnly).toEqual(expect.arrayContaining(plain));
    expect(everyPlatform).toEqual(expect.arrayContaining(plain));
  });

  it("takes macOS's and Windows's builds too, and only for the room's platforms", () => {
    const esbuild = versionOf("node_modules/esbuild");
    const rollup = versionOf("node_modules/rollup");
    expect(everyPlatform).toEqual(
      expect.arrayContaining([
        `@esbuild/darwin-arm64@${esbuild}`,
        `@esbuild/win32-x64@${esbuild}`,
        `@rollup/rollup-win32-arm64-msvc@${rollup}`,
        `fsevents@${versionOf("node_modules/fsevents")}`,
      ]),
    );
    for (const elsewhere of [
      `@esbuild/aix-ppc64@${esbuild}`,
      `@esbuild/linux-ia32@${esbuild}`,
      `@rollup/rollup-linux-x64-musl@${rollup}`,
    ]) {
      expect(everyPlatform).not.toContain(elsewhere);
    }
    expect(linuxOnly).not.toContain(`@esbuild/darwin-arm64@${esbuild}`);
    expect(linuxOnly).toContain(`@esbuild/linux-x64@${esbuild}`);
  });

  it("names an alias by the package underneath: @typescript/native is typescript", () => {
    expect(everyPlatform).toContain(
      `typescript@${versionOf("node_modules/@typescript/native")}`,
    );
  });
});

describe("check-cache, on a cache it is given", () => {
  /** A cache folder holding these lock file packages' bytes (fake tarballs). */
  function cacheWith(paths: string[], bytes = (path: string) => path) {
    const dir = mkdtempSync(join(tmpdir(), "check-cache-"));
    for (const path of paths) {
      const content = Buffer.from(bytes(path));
      const integrity = `sha512-${createHash("sha512").update(content).digest("base64")}`;
      const file = contentPath(dir, integrity);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
      // The fake lock below records this integrity for the path.
      fakeLock.packages[path] = { ...fakeLock.packages[path]!, integrity };
    }
    return dir;
  }
  const fakeLock = JSON.parse(JSON.stringify(lock)) as typeof lock;
  const buildPaths = PLATFORMS.flatMap((platform) =>
    nativeBuilds(lock, platform).flatMap(({ builds }) =>
      builds.map((build) =>
        Object.keys(lock.packages).find(
          (path) =>
            path.endsWith(`node_modules/${build.name}`) &&
            versionOf(path) === build.version,
        )!,
      ),
    ),
  );

  it("finds every platform's builds in a complete cache", () => {
    const dir = cacheWith(buildPaths);
    const report = checkCache(dir, fakeLock);
    expect(report.map((line) => line.platform)).toEqual(
      PLATFORMS.map(platformName),
    );
    expect(complete(report)).toBe(true);
  });

  it("says which build is missing, and trusts no file whose bytes differ", () => {
    const winTurbo = buildPaths.find((path) =>
      path.endsWith("@turbo/windows-64"),
    )!;
    const dir = cacheWith(buildPaths.filter((path) => path !== winTurbo));
    const report = checkCache(dir, fakeLock);
    expect(complete(report)).toBe(false);
    const missing = report.flatMap(({ platform, tools }) =>
      tools.flatMap(({ builds }) =>
        builds.filter((b) => !b.cached).map((b) => `${platform} ${b.name}`),
      ),
    );
    // Nothing in this cache has the left-out build's bytes.
    expect(missing).toEqual(["win32-x64 @turbo/windows-64"]);

    const integrity = fakeLock.packages[buildPaths[0]!]!.integrity;
    writeFileSync(contentPath(dir, integrity), "not those bytes");
    expect(holds(dir, integrity)).toBe(false);
  });
});

describe("the commands", () => {
  const { scripts } = JSON.parse(
    readFileSync(join(repoRoot, "package.json"), "utf8"),
  ) as { scripts: Record<string, string> };

  it("prime and check a cache by name, with a default folder that git ignores", () => {
    expect(scripts["prime-cache"]).toBe(
      "node packages/workshop/src/prime-cache.mjs",
    );
    expect(scripts["check-cache"]).toBe(
      "node packages/workshop/src/check-cache.mjs",
    );
    expect(DEFAULT_CACHE).toBe("npm-cache");
    expect(
      readFileSync(join(repoRoot, ".gitignore"), "utf8").split("\n"),
    ).toContain(`${DEFAULT_CACHE}/`);
  });
});

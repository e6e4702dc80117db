// The instructor page's Wi-Fi advice gives the install's figures from
// docs/data/install.json (written by npm run measure-install), never typed
// into the prose: the built page, in both locales, shows the data's own.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  installFigures,
  megabytes,
  type InstallData,
} from "../.vitepress/theme/install-figures.js";
import { read } from "./markdown.js";
import { dist } from "./site.js";

const data = JSON.parse(
  readFileSync(new URL("../data/install.json", import.meta.url), "utf8"),
) as InstallData;

describe("the install's data", () => {
  it("has a download, node_modules on disk, and a cache for every platform", () => {
    expect(data.npmCi.downloadBytes).toBeGreaterThan(0);
    expect(data.npmCi.nodeModulesDiskBytes).toBeGreaterThan(0);
    expect(data.primedCache.platforms).toEqual(
      expect.arrayContaining(["darwin-arm64", "win32-x64", "linux-x64"]),
    );
    // The other platforms' builds come on top of this machine's download.
    expect(data.primedCache.bytes).toBeGreaterThan(data.npmCi.downloadBytes);
  });

  it("is shown in whole megabytes", () => {
    expect(megabytes(322_600_000)).toBe("323 MB");
    expect(megabytes(1_234_500_000)).toBe("1,235 MB");
  });
});

describe.each([
  ["instructors.md", "instructors.html"],
  ["ko/instructors.md", "ko/instructors.html"],
])("%s", (page, file) => {
  const figures = installFigures(data);

  it("types no size into its prose: each comes from the data", () => {
    const prose = read(page).replace(/<script setup>[\s\S]*?<\/script>/, "");
    expect(prose).not.toMatch(/\d\s*[MG]B\b/);
    for (const name of ["download", "disk", "cache", "packages"]) {
      expect(prose).toContain(`{{ figures.${name} }}`);
    }
  });

  it("shows the data's figures once built", () => {
    const built = join(dist, file);
    expect(
      existsSync(built),
      `${built}: build the site first (npx turbo run build --filter=docs)`,
    ).toBe(true);
    const text = readFileSync(built, "utf8");
    for (const figure of [
      figures.download,
      figures.disk,
      figures.cache,
      figures.packages,
      figures.offlineSeconds,
    ]) {
      expect(text).toContain(figure);
    }
  });
});

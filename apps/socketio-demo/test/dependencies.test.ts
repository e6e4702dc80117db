// engine.io (and socket.io-adapter, engine.io-client) pin an older `ws`;
// the root package.json lifts every copy with npm `overrides`. This checks
// what actually resolved, nested copies included, since `npm audit` cannot
// reach its service from here.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const MINIMUM_WS = [8, 23, 0];
const require = createRequire(import.meta.url);

function wsVersionSeenBy(packageName: string): string {
  // Resolve from the package's own entry file, as Node does when it loads it.
  const packageRequire = createRequire(require.resolve(packageName));
  return (packageRequire("ws/package.json") as { version: string }).version;
}

function atLeast(version: string, minimum: number[]): boolean {
  const parts = version.split(".").map(Number);
  for (let i = 0; i < minimum.length; i++) {
    if (parts[i]! !== minimum[i]!) return parts[i]! > minimum[i]!;
  }
  return true;
}

describe("ws versions actually resolved", () => {
  it.each(["engine.io", "engine.io-client", "socket.io-adapter"])(
    "%s loads ws >= 8.23.0",
    (packageName) => {
      const version = wsVersionSeenBy(packageName);
      expect(
        atLeast(version, MINIMUM_WS),
        `${packageName} loads ws ${version}`,
      ).toBe(true);
    },
  );

  it("the top-level ws is >= 8.23.0", () => {
    const { version } = require("ws/package.json") as { version: string };
    expect(atLeast(version, MINIMUM_WS)).toBe(true);
  });
});

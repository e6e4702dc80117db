// The import-cycle check on fixtures written for the test: two files that
// import each other, one of them with `import type` only, fail the check,
// which names both; the same two files without the cycle pass. A cycle of
// type-only imports alone fails too: TypeScript erases it, eslint's
// import-x/no-cycle lets it through, and the check must not.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const check = fileURLToPath(new URL("./check-cycles.mjs", import.meta.url));
const fixtures = mkdtempSync(join(tmpdir(), "check-cycles-"));
afterAll(() => rmSync(fixtures, { recursive: true, force: true }));

/** A folder of TypeScript files, as a workspace's src would hold them. */
function fixture(name, files) {
  const dir = join(fixtures, name);
  mkdirSync(dir);
  for (const [file, text] of Object.entries(files))
    writeFileSync(join(dir, file), text);
  return dir;
}

function checkCycles(dir) {
  const result = spawnSync(process.execPath, [check, dir], {
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// report.ts needs a type of rooms.ts; rooms.ts calls a function of
// report.ts: the shape of the cycle the compare tool had.
const report = `import type { Rooms } from "./rooms.js";
export function byteCheck(bytes: number): boolean {
  return bytes > 0;
}
export function roomsLine(rooms: Rooms): string {
  return rooms.name;
}
`;
const rooms = `import { byteCheck } from "./report.js";
export interface Rooms {
  readonly name: string;
}
export const ok = byteCheck(1);
`;

describe("the import-cycle check", () => {
  it("fails on a cycle where one import is `import type`, naming both files", () => {
    const dir = fixture("cycle", { "report.ts": report, "rooms.ts": rooms });
    const { code, stdout, stderr } = checkCycles(dir);
    expect(code).toBe(1);
    expect(stdout).toContain("checked 2 modules, 2 imports (1 type-only)");
    expect(stderr).toMatch(
      /import cycle: \S*cycle\/report\.ts --import type--> \S*cycle\/rooms\.ts --import--> \S*cycle\/report\.ts/,
    );
    expect(stderr).toContain("import cycles: 1 found");
  }, 60_000);

  it("fails on a cycle of type-only imports", () => {
    const dir = fixture("types-only", {
      "a.ts": `import type { B } from "./b.js";\nexport interface A { readonly b: B }\n`,
      "b.ts": `import type { A } from "./a.js";\nexport interface B { readonly a?: A }\n`,
    });
    const { code, stderr } = checkCycles(dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /types-only\/a\.ts --import type--> \S*types-only\/b\.ts/,
    );
    expect(stderr).toMatch(
      /types-only\/b\.ts --import type--> \S*types-only\/a\.ts/,
    );
  }, 60_000);

  it("passes the same files without the cycle, and says what it checked", () => {
    const dir = fixture("no-cycle", {
      "report.ts": report.replace(
        'import type { Rooms } from "./rooms.js";',
        "interface Rooms {\n  readonly name: string;\n}",
      ),
      "rooms.ts": rooms,
    });
    const { code, stdout, stderr } = checkCycles(dir);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("checked 2 modules, 1 imports (0 type-only)");
    expect(stdout).toContain("import cycles: none");
  }, 60_000);
});

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import {
  describeEnvFileRead,
  loadRootEnvFile,
  rootEnvFile,
} from "../src/env-file.js";

// Names no one sets, so that the test can read them back from process.env.
const FROM_FILE = "WORKSHOP_ENV_FILE_TEST_FROM_FILE";
const ALSO_SET = "WORKSHOP_ENV_FILE_TEST_ALSO_SET";

describe("loadRootEnvFile", () => {
  const dir = mkdtempSync(join(tmpdir(), "env-file-"));
  const path = join(dir, ".env");
  afterAll(() => rmSync(dir, { recursive: true }));
  afterEach(() => {
    delete process.env[FROM_FILE];
    delete process.env[ALSO_SET];
  });

  it("is the .env at the repository's root", () => {
    expect(rootEnvFile).toBe(
      join(new URL("../../../", import.meta.url).pathname, ".env"),
    );
  });

  it("takes the file's settings, and the environment wins over it", () => {
    writeFileSync(path, `# a comment\n${FROM_FILE}=file\n${ALSO_SET}=file\n`);
    process.env[ALSO_SET] = "shell";
    const read = loadRootEnvFile(path, { [ALSO_SET]: "shell" });
    expect(process.env[FROM_FILE]).toBe("file");
    expect(process.env[ALSO_SET]).toBe("shell");
    expect(describeEnvFileRead(read)).toBe(
      `settings from ${path}: ${FROM_FILE} (${ALSO_SET} already set in the environment, which wins)`,
    );
  });

  it("does nothing without a file, nor for a tool that starts the app", () => {
    expect(loadRootEnvFile(join(dir, "none"), {})).toBeUndefined();
    writeFileSync(path, `${FROM_FILE}=file\n`);
    expect(loadRootEnvFile(path, { VITEST: "true" })).toBeUndefined();
    expect(loadRootEnvFile(path, { IGNORE_ENV_FILE: "1" })).toBeUndefined();
    expect(process.env[FROM_FILE]).toBeUndefined();
  });
});

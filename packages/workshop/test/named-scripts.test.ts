// The variants the workshop uses are named scripts, so that no attendee
// types a setting in front of a command: each sets what its name says,
// through the launcher, on the script it names.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const rootPackage = fileURLToPath(
  new URL("../../../package.json", import.meta.url),
);
const { scripts } = JSON.parse(readFileSync(rootPackage, "utf8")) as {
  scripts: Record<string, string>;
};
const LAUNCHER = "node packages/workshop/src/run-with.mjs";

describe("the workshop's named scripts", () => {
  it.each([
    ["ws:lan", "HOST=0.0.0.0 ws"],
    ["socketio:lan", "HOST=0.0.0.0 socketio"],
    ["ws:note-bugs", "NOTE_BUGS=1 ws"],
    ["socketio:note-bugs", "NOTE_BUGS=1 socketio"],
    ["ws:8011", "PORT=8011 ws"],
    ["socketio:8012", "PORT=8012 socketio"],
  ])("%s runs %s", (name, what) => {
    expect(scripts[name]).toBe(`${LAUNCHER} ${what}`);
  });

  it("runs the docs site alone, on loopback or on the LAN, and npm start as it was", () => {
    expect(scripts.docs).toBe("npm run start --workspace=docs");
    expect(scripts["docs:lan"]).toBe("npm run lan --workspace=docs");
    expect(scripts.start).toBe("turbo run start");
  });

  it.each([
    ["verify:list", "--list"],
    ["verify:solution", "--solution"],
    ["verify:watch", "--watch"],
    ["compare:ci", "--ci"],
    ["compare:rooms", "--scenario rooms"],
  ])("%s passes %s to the tool itself, after its build", (name, flag) => {
    const tool = name.split(":")[0]!;
    expect(scripts[name]).toBe(`${scripts[tool]} ${flag}`);
  });

  it("has npm run doctor, which needs nothing installed", () => {
    expect(scripts.doctor).toBe("node packages/workshop/src/doctor.mjs");
  });
});

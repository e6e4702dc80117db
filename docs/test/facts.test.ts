// Sentences a review found wrong, held to the code and the data they
// describe, in both locales: the Socket.IO demo's shutdown grace is its
// CLOSE_GRACE_MS; ws-demo's first reconnect wait is half to all of
// RECONNECT_BASE_MS; the note's "to all connected clients" comment is about
// its ws timer; window.event is a deprecated global, not a missing one; and
// the Measured page types no ratio: its prose reads them from stored data.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { docsRoot, read } from "./markdown.js";

const repoRoot = join(docsRoot, "..");
const constant = (file: string, name: string): number => {
  const match = new RegExp(`const ${name} = (\\d+);`).exec(
    readFileSync(join(repoRoot, file), "utf8"),
  );
  expect(match, `${file} defines ${name}`).not.toBeNull();
  return Number(match![1]);
};
const both = (page: string) => [page, `ko/${page}`];
const prose = (page: string) => read(page).replace(/```[\s\S]*?```/g, "");

describe("Socket.IO's shutdown grace is CLOSE_GRACE_MS", () => {
  const grace = constant(
    "apps/socketio-demo/src/realtime.ts",
    "CLOSE_GRACE_MS",
  );
  it.each([...both("socketio/index.md"), ...both("how-it-works.md")])(
    "%s gives CLOSE_GRACE_MS its value",
    (page) => {
      const stated = [
        ...prose(page).matchAll(/`CLOSE_GRACE_MS`,\s+(\d+)\s*ms/g),
      ].map((match) => Number(match[1]));
      expect(stated.length, `${page} names CLOSE_GRACE_MS`).toBeGreaterThan(0);
      for (const value of stated) expect(value).toBe(grace);
      expect(prose(page)).not.toMatch(
        /clients a second|after a second|1초 뒤에|1초를 준/,
      );
    },
  );
});

describe("ws-demo's first reconnect wait", () => {
  const base = constant("apps/ws-demo/src/client/main.ts", "RECONNECT_BASE_MS");
  const [low, high] = [base / 2000, base / 1000];
  it("English: low to high s", () => {
    expect(prose("ws/index.md")).toContain(`${low} to ${high} s`);
    expect(prose("ws/index.md")).not.toMatch(/About half a second later/);
  });
  it("Korean: low~high초", () => {
    expect(prose("ko/ws/index.md")).toContain(`${low}~${high}초`);
    expect(prose("ko/ws/index.md")).not.toMatch(/약 0\.5초 뒤/);
  });
});

describe("the note's 'to all connected clients' comment sits on its ws timer", () => {
  it.each(both("socketio/index.md"))(
    "%s does not pin it on Socket.IO",
    (page) => {
      expect(prose(page)).not.toMatch(
        /all connected clients|연결된 모든 클라이언트/,
      );
    },
  );
  it.each(both("ws/index.md"))("%s explains it at the ws push", (page) => {
    expect(prose(page)).toMatch(
      /all\s+connected clients|연결된 모든 클라이언트/,
    );
  });
});

describe("window.event is deprecated, not missing", () => {
  it.each(both("pitfalls.md"))("%s", (page) => {
    expect(prose(page)).not.toMatch(
      /some browsers do\s+not set|일부 브라우저는\s*설정하지/,
    );
    expect(prose(page)).toMatch(/deprecated/);
  });
});

describe("the Measured page types no ratio", () => {
  it.each(both("measured.md"))("%s reads its ratios from data", (page) => {
    const text = prose(page)
      .replace(/<script[\s\S]*?<\/script>/g, "")
      .replace(/\{\{[\s\S]*?\}\}/g, "");
    expect(text.match(/.{0,30}\d+\.\d+x.{0,30}/g)).toBeNull();
  });
});

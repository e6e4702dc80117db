// Lesson 3: WORKERS=2 on socketio-demo, N processes on one port with
// node:cluster. A Socket.IO polling session sends one request per push
// and per reply, and each must reach the worker that holds the session.
// workers.ws-demo.test.ts checks the primary's own behaviour on ws-demo.
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pollFor } from "../src/scale/polling.js";
import { spawnApp, type RunningApp } from "@repo/demo-kit/spawn-app";
import { withTestRedis } from "./redis-fixture.js";

const entry = fileURLToPath(
  new URL("../../../apps/socketio-demo/dist/server.js", import.meta.url),
);

describe.skipIf(!withTestRedis.available)("lesson 3: WORKERS=2", () => {
  const redis = withTestRedis();

  describe("socketio-demo", () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await spawnApp("socketio-demo", entry, {
        WORKERS: "2",
        REDIS_URL: redis().url,
        PUSH_INTERVAL_MS: "20",
      });
    });
    afterAll(async () => {
      await app?.stop();
    });

    it("keeps long-polling clients on their worker over many requests", async () => {
      const runs = await Promise.all(
        Array.from({ length: 6 }, () => pollFor(app.origin, 50)),
      );
      for (const run of runs) {
        expect(run.problems).toEqual([]);
        expect(run.news).toBe(50);
      }
      for (const worker of [1, 2])
        expect(
          app.output.some((line) =>
            new RegExp(
              `\\[worker ${worker}\\] connect \\S+ from 127\\.0\\.0\\.1 over polling`,
            ).test(line),
          ),
        ).toBe(true);
      expect(app.output.join("\n")).not.toContain("Session ID unknown");
    });
  });
});

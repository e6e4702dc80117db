// Lesson 3: WORKERS=2, N processes on one port with node:cluster, on
// ws-demo. The primary builds no app and hands each connection to a
// worker. workers.socketio-demo.test.ts checks that a Socket.IO polling
// session stays on the worker that holds it.
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { WebSocket } from "ws";
import { BUSY_MACHINE_WAIT } from "@repo/demo-kit/testing";
import { spawnApp, type RunningApp } from "@repo/demo-kit/spawn-app";
import { withTestRedis } from "./redis-fixture.js";

const entry = fileURLToPath(
  new URL("../../../apps/ws-demo/dist/server.js", import.meta.url),
);

/** The pid each worker was started with, from the primary's lines. */
function workerPids(app: RunningApp): Map<number, number> {
  const pids = new Map<number, number>();
  for (const line of app.output) {
    const match = /worker (\d+) started, pid (\d+)$/.exec(line);
    if (match) pids.set(Number(match[1]), Number(match[2]));
  }
  return pids;
}

/** Opens a ws-demo WebSocket and resolves with its welcome. */
function welcome(port: number): Promise<{ ws: WebSocket; id: string }> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`);
  return new Promise((resolve, reject) => {
    ws.on("error", reject);
    ws.on("message", (data: Buffer) => {
      const message = JSON.parse(data.toString("utf8")) as {
        event: string;
        data: { id: string };
      };
      if (message.event === "welcome") resolve({ ws, id: message.data.id });
    });
  });
}

describe.skipIf(!withTestRedis.available)("lesson 3: WORKERS=2", () => {
  const redis = withTestRedis();

  describe("ws-demo", () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await spawnApp("ws-demo", entry, {
        WORKERS: "2",
        REDIS_URL: redis().url,
      });
    });
    afterAll(async () => {
      await app?.stop("SIGKILL");
    });

    it("prints one ready line, once both workers are up, naming their pids", () => {
      const pids = [...workerPids(app).values()];
      expect(pids).toHaveLength(2);
      const ready = app.output.filter((line) => line.includes("ready at"));
      expect(ready).toHaveLength(1);
      expect(ready[0]).toContain(
        `(2 workers, pids ${pids.join(", ")}; push every`,
      );
    });

    it("hands connections to both workers, and each line says which worker wrote it", async () => {
      const clients = await Promise.all(
        Array.from({ length: 4 }, () => welcome(app.port)),
      );
      await vi.waitFor(() => {
        for (const worker of [1, 2])
          expect(
            app.output.some((line) =>
              line.includes(`[worker ${worker}] connect conn-`),
            ),
          ).toBe(true);
      }, BUSY_MACHINE_WAIT);
      for (const { ws } of clients) ws.close();
    });

    it("replaces a worker killed with SIGKILL and keeps serving", async () => {
      const pid = workerPids(app).get(1)!;
      process.kill(pid, "SIGKILL");
      await vi.waitFor(() => {
        expect(app.output.join("\n")).toContain(
          `worker 1 (pid ${pid}) exited with signal SIGKILL; starting a replacement`,
        );
        expect(workerPids(app).has(3)).toBe(true);
      }, 10_000);
      // Round-robin: of two new connections, one reaches the new worker.
      await vi.waitFor(async () => {
        const clients = await Promise.all([
          welcome(app.port),
          welcome(app.port),
        ]);
        for (const { ws } of clients) ws.close();
        expect(
          app.output.some((line) => line.includes("[worker 3] connect conn-")),
        ).toBe(true);
      }, 10_000);
    });

    it("on SIGTERM stops every worker and exits 0 within 2.5 s", async () => {
      const client = await welcome(app.port);
      const closed = new Promise<number>((resolve) =>
        client.ws.on("close", (code) => resolve(code)),
      );
      const { code, ms } = await app.stop("SIGTERM");
      expect(await closed).toBe(1001);
      expect(code).toBe(0);
      expect(ms).toBeLessThan(2500);
      const workers = app.output.filter((line) =>
        /\[worker \d\] ws-demo stopped$/.test(line),
      );
      expect(workers).toHaveLength(2);
    });
  });

  it("stops with code 1 when a worker cannot start, after saying why", async () => {
    // Nothing listens on port 1: each worker refuses to start without Redis.
    const failed = spawnApp("ws-demo", entry, {
      WORKERS: "2",
      REDIS_URL: "redis://127.0.0.1:1",
    });
    await expect(failed).rejects.toThrow(
      /exited with code 1 before it was ready/,
    );
    await expect(failed).rejects.toThrow(
      /worker \d \(pid \d+\) exited with code 1 before it was ready; stopping/,
    );
  });
});

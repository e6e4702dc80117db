// Lesson 3's faults, for both transports: what happens to a chat spread
// over two processes when Redis goes away and comes back, and when one
// process is killed. Each clause starts its own two processes; the test
// file gives its own Redis (never the machine's 6379).
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BUSY_MACHINE_WAIT, type TestRedis } from "@repo/demo-kit/testing";
import type { RunningApp } from "@repo/demo-kit/spawn-app";
import type { RoomsClient, RoomsDriver } from "./driver.js";

/** What a member of `room` got of one kind of event. */
function got(client: RoomsClient, event: string, room: string) {
  return client.events
    .filter((e) => e.event === event)
    .map((e) => e.data as Record<string, unknown>)
    .filter((data) => data.room === room);
}

export function describeScaleFaults(
  driver: RoomsDriver,
  redis: () => TestRedis,
): void {
  describe(`lesson 3 faults: ${driver.name}`, () => {
    const running: RunningApp[] = [];
    const clients: RoomsClient[] = [];
    afterEach(async () => {
      await Promise.allSettled(clients.splice(0).map((c) => c.close()));
      await Promise.allSettled(running.splice(0).map((app) => app.stop()));
      await redis()
        .start()
        .catch(() => {}); // in case a clause stopped it
    });

    async function twoProcesses(): Promise<[RunningApp, RunningApp]> {
      const env = { REDIS_URL: redis().url };
      const apps = await Promise.all([driver.start(env), driver.start(env)]);
      running.push(...apps);
      return apps;
    }
    async function member(app: RunningApp, room: string, name: string) {
      const client = await driver.connect(app);
      clients.push(client);
      expect(await client.request("join", { room, name })).toMatchObject({
        ok: true,
      });
      return client;
    }

    it("refuses to start without its Redis, with one line that says what to do", async () => {
      const closedPort = `redis://127.0.0.1:${await portNobodyListensOn()}`;
      await expect(driver.start({ REDIS_URL: closedPort })).rejects.toThrow(
        new RegExp(
          `cannot reach Redis at ${closedPort} \\(.*ECONNREFUSED.*\\)\\. Start it \\(redis-server.*or unset REDIS_URL`,
        ),
      );
    });

    it("stops on SIGTERM with nothing of Redis left holding it", async () => {
      const [a] = await twoProcesses();
      const ann = await member(a, "lobby", "ann");
      await ann.request("say", { room: "lobby", text: "bye" });
      expect((await a.stop("SIGTERM")).code).toBe(0);
      // listen()'s deadline names whatever still held the process.
      expect(a.output.join("\n")).not.toMatch(/still held by/);
    });

    it("refuses chat while Redis is away, says so once, and is whole again when it is back", async () => {
      const [a, b] = await twoProcesses();
      const ann = await member(a, "lobby", "ann");
      const bob = await member(b, "lobby", "bob");
      await redis().stop();
      const answer = await ann.request("say", {
        room: "lobby",
        text: "anyone?",
      });
      expect(answer).toMatchObject({
        ok: false,
        error: "unavailable",
        message: expect.stringMatching(/nothing was sent/) as string,
      });
      // Lesson 1 and the connections carry on: the page stays up.
      expect(a.alive && b.alive).toBe(true);
      await redis().start();
      // Each process says when all its connections are back (its
      // subscriber too: a say before that would not reach its members).
      await vi.waitFor(() => {
        for (const app of [a, b])
          expect(app.output.join("\n")).toMatch(/is back; rooms are shared/);
      }, BUSY_MACHINE_WAIT);
      // Once a second, under the say rate limit, until Redis answers.
      let again: { ok: boolean; error?: unknown } = { ok: false };
      for (let attempt = 0; attempt < 15 && !again.ok; attempt++) {
        if (attempt > 0) await sleep(1000);
        again = await bob.request("say", { room: "lobby", text: "back" });
      }
      expect(again).toMatchObject({ ok: true });
      await vi.waitFor(
        () =>
          expect(got(ann, "message", "lobby").map((m) => m.text)).toContain(
            "back",
          ),
        BUSY_MACHINE_WAIT,
      );
      // Presence spans both processes again (Redis came back empty).
      const carol = await member(a, "lobby", "carol");
      await vi.waitFor(
        () =>
          expect(got(carol, "presence", "lobby").at(-1)?.members).toEqual([
            "ann",
            "bob",
            "carol",
          ]),
        BUSY_MACHINE_WAIT,
      );
      for (const app of [a, b]) {
        const said = (pattern: RegExp) =>
          app.output.filter((line) => pattern.test(line)).length;
        expect(said(/lost Redis at/)).toBe(1);
        expect(said(/is back; rooms are shared again/)).toBe(1);
      }
    }, 30_000);

    it("tells the others when a process is killed, and its members catch up on another", async () => {
      const [a, b] = await twoProcesses();
      const ann = await member(a, "lobby", "ann");
      const bob = await member(b, "lobby", "bob");
      await vi.waitFor(
        () =>
          expect(got(ann, "presence", "lobby").at(-1)?.members).toEqual([
            "ann",
            "bob",
          ]),
        BUSY_MACHINE_WAIT,
      );
      const seen = await bob.request("say", { room: "lobby", text: "bye" });
      await b.stop("SIGKILL");
      await vi.waitFor(
        () => {
          expect(got(ann, "system", "lobby").at(-1)).toMatchObject({
            kind: "leave",
            name: "bob",
          });
          expect(got(ann, "presence", "lobby").at(-1)?.members).toEqual([
            "ann",
          ]);
        },
        { timeout: 15_000, interval: 200 },
      );
      const missed = await ann.request("say", {
        room: "lobby",
        text: "you missed this",
      });
      // Bob's page connects to the process that is left and catches up.
      const back = await driver.connect(a);
      clients.push(back);
      expect(
        await back.request("join", {
          room: "lobby",
          name: "bob",
          after: seen.id,
        }),
      ).toMatchObject({
        ok: true,
        members: ["ann", "bob"],
        history: [{ id: missed.id, text: "you missed this" }],
        complete: true,
      });
    }, 30_000);
  });
}

/** A loopback port that was free a moment ago. */
function portNobodyListensOn(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// src/workarounds/streams-adapter-readers.ts keeps the connections the
// streams adapter opens with `duplicate()`, because closing the adapter
// leaves its reader waiting on XREAD (up to 5 s), which holds shutdown.
// This checks that library behaviour on a Redis of its own: once closing
// the adapter ends its reader at once, this test fails, and the
// workaround can go.
import { setTimeout as sleep } from "node:timers/promises";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { Redis } from "ioredis";
import { Server } from "socket.io";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  haveRedisServer,
  startTestRedis,
  type TestRedis,
} from "@repo/demo-kit/testing";

/** The connections blocked on XREAD right now, as Redis lists them. */
async function readersWaiting(watcher: Redis): Promise<number> {
  const list = (await watcher.call("CLIENT", "LIST")) as string;
  return list.split("\n").filter((line) => / cmd=xread /.test(line)).length;
}

describe.skipIf(!haveRedisServer())(
  "@socket.io/redis-streams-adapter, closed",
  () => {
    let redis: TestRedis;
    beforeAll(async () => {
      redis = await startTestRedis();
    });
    afterAll(async () => {
      await redis?.close();
    });

    it("leaves its reader waiting on XREAD (the workaround is still needed)", async () => {
      const client = new Redis(redis.url);
      const watcher = new Redis(redis.url);
      const io = new Server({ adapter: createAdapter(client) });
      try {
        let waiting = 0;
        for (let tries = 0; tries < 60 && waiting === 0; tries++) {
          await sleep(50);
          waiting = await readersWaiting(watcher);
        }
        expect(waiting, "the adapter's reader waits on XREAD").toBe(1);

        void io.of("/").adapter.close();
        await sleep(500);
        expect(
          await readersWaiting(watcher),
          "closed, the adapter's reader still waits on XREAD: keep the workaround",
        ).toBe(1);
      } finally {
        client.disconnect();
        watcher.disconnect();
      }
    });
  },
);

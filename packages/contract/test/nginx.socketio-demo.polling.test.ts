// Lesson 3 as on several machines: two socketio-demo processes, each with
// WORKERS=2, on one Redis, behind the repo's nginx config. A client on
// long-polling sends one request per push and per reply: nginx's hash
// keeps it on one process, and the process's primary keeps it on one
// worker. nginx connects from 127.0.0.2, the one address the apps trust
// (TRUST_PROXY), so they log each client by its own address.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { haveNginx } from "@repo/demo-kit/testing";
import { socketIoDriver } from "../src/drivers/socket-io.js";
import { behindNginx, type Deployment } from "../src/scale/behind-nginx.js";
import { pollFor } from "../src/scale/polling.js";
import { TRUSTED_PROXY } from "../src/contract-settings.js";
import { withTestRedis } from "./redis-fixture.js";

const NGINX = TRUSTED_PROXY;
/** Clients on 16 loopback addresses: nginx's hash spreads them over both processes. */
const CLIENTS = Array.from({ length: 16 }, (_, i) => `127.0.0.${i + 3}`);

describe.skipIf(!withTestRedis.available || !haveNginx())(
  "lesson 3: long-polling through nginx and WORKERS=2",
  () => {
    const redis = withTestRedis();
    let app: Deployment;
    beforeAll(async () => {
      app = (await behindNginx(socketIoDriver(["polling"]), {
        demo: "socketio-demo",
        redisUrl: () => redis().url,
        env: { WORKERS: "2", TRUST_PROXY: NGINX, PUSH_INTERVAL_MS: "20" },
        proxyBind: NGINX,
      }).start({})) as Deployment;
    }, 30_000);
    afterAll(async () => {
      await app?.stop();
    });

    it("keeps every polling client on its session over many requests", async () => {
      const runs = await Promise.all(
        CLIENTS.map((localAddress) =>
          pollFor(app.origin, 30, { localAddress }),
        ),
      );
      expect(runs.map((run) => run.problems)).toEqual(CLIENTS.map(() => []));
      expect(runs.map((run) => run.news)).toEqual(CLIENTS.map(() => 30));
      const [a, b] = app.processes;
      for (const process of [a, b]) {
        expect(process.output.join("\n")).not.toContain("Session ID unknown");
        // Both processes, and both workers of each, served some clients.
        for (const worker of [1, 2])
          expect(
            process.output.some((line) =>
              line.includes(`[worker ${worker}] connect `),
            ),
          ).toBe(true);
      }
    }, 60_000);

    it("logs a client through nginx by its own address, not nginx's", async () => {
      const run = await pollFor(app.origin, 1, { localAddress: "127.0.0.99" });
      expect(run.ip).toBe("127.0.0.99");
      const [a, b] = app.processes;
      expect(
        [...a.output, ...b.output].some((line) =>
          / connect \S+ from 127\.0\.0\.99 over polling$/.test(line),
        ),
      ).toBe(true);
    });

    it("does not believe an X-Forwarded-For sent straight to the app", async () => {
      const [direct] = app.processes;
      const run = await pollFor(direct.origin, 1, {
        localAddress: "127.0.0.98",
        headers: { "X-Forwarded-For": "203.0.113.7" },
      });
      expect(run.ip).toBe("127.0.0.98");
    });
  },
);

// Lesson 3: the three scaling mistakes the docs name by the text they
// print, each made on purpose in a copy of the repo's nginx config, in
// front of two socketio-demo processes and one ws-demo, none of which
// trusts a proxy (TRUST_PROXY unset). nginx connects from 127.0.0.2, so
// "the proxy's address" cannot be mistaken for the test client's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io } from "socket.io-client";
import { WebSocket } from "ws";
import { haveNginx, startNginx, type TestNginx } from "@repo/demo-kit/testing";
import { socketIoDriver } from "../src/drivers/socket-io.js";
import { wsDriver } from "../src/drivers/ws.js";
import { pollFor } from "../src/scale/polling.js";
import type { RunningApp } from "@repo/demo-kit/spawn-app";
import { TRUSTED_PROXY } from "../src/contract-settings.js";
import { withTestRedis } from "./redis-fixture.js";

// The address nginx plays a proxy from everywhere in the contract; here no
// app is told to trust it.
const NGINX = TRUSTED_PROXY;
const SESSION_ID_UNKNOWN = '{"code":1,"message":"Session ID unknown"}';

/** The repo's config with the stickiness line taken out: round-robin. */
const withoutStickiness = (config: string) =>
  config.replace(/^\s*hash \$remote_addr consistent;\n/m, "");
/** The repo's config without what a WebSocket needs from a proxy. */
const withoutUpgrade = (config: string) =>
  config
    .replace(/^\s*proxy_http_version 1\.1;\n/gm, "")
    .replace(/^\s*proxy_set_header (Upgrade|Connection) .*\n/gm, "");

/** Opens a WebSocket and resolves with the HTTP status that refused it. */
function refusedWith(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on("unexpected-response", (_request, response) => {
      resolve(response.statusCode ?? 0);
      ws.terminate();
    });
    ws.on("open", () => reject(new Error("the WebSocket opened")));
    ws.on("error", () => {});
  });
}

describe.skipIf(!withTestRedis.available || !haveNginx())(
  "lesson 3: scaling mistakes, by the text they print",
  () => {
    const redis = withTestRedis();
    let apps: RunningApp[] = [];
    let roundRobin: TestNginx;
    let noUpgrade: TestNginx;
    beforeAll(async () => {
      // A slow heartbeat holds a waiting poll for 25 s: not here.
      const env = {
        REDIS_URL: redis().url,
        HEARTBEAT_MS: "500",
        PUSH_INTERVAL_MS: "100",
      };
      const polling = socketIoDriver(["polling", "websocket"]);
      apps = await Promise.all([
        polling.start(env),
        polling.start(env),
        wsDriver.start(env),
      ]);
      const [a, b, ws] = apps;
      const backends = {
        "socketio-demo": [a!.port, b!.port],
        "ws-demo": [ws!.port],
      };
      [roundRobin, noUpgrade] = await Promise.all([
        startNginx({ backends, edit: withoutStickiness, proxyBind: NGINX }),
        startNginx({ backends, edit: withoutUpgrade, proxyBind: NGINX }),
      ]);
    }, 30_000);
    afterAll(async () => {
      await Promise.all([roundRobin?.close(), noUpgrade?.close()]);
      await Promise.all(apps.map((app) => app.stop()));
    });

    describe("no stickiness: HTTP 400 Session ID unknown", () => {
      it("a polling request that reaches the other process gets it", async () => {
        const origin = roundRobin.origin("socketio-demo");
        const open = await fetch(
          `${origin}/socket.io/?EIO=4&transport=polling`,
        );
        const { sid } = JSON.parse((await open.text()).slice(1)) as {
          sid: string;
        };
        // Round-robin: of two requests, one goes to the other process.
        const answers = [];
        for (let i = 0; i < 2; i++) {
          const response = await fetch(
            `${origin}/socket.io/?EIO=4&transport=polling&sid=${sid}`,
            { method: "POST", body: "6" }, // a noop packet
          );
          answers.push(`${response.status} ${await response.text()}`);
        }
        expect(answers).toContain(`400 ${SESSION_ID_UNKNOWN}`);
        expect(answers).toContain("200 ok");
      });

      it("socket.io-client on polling fails to connect with it", async () => {
        const run = await pollFor(roundRobin.origin("socketio-demo"), 1, {
          timeoutMs: 5000,
        });
        expect(run.problems).toHaveLength(1);
        expect(run.problems[0]).toMatch(
          /^connect_error: xhr (poll|post) error \(400 \{"code":1,"message":"Session ID unknown"\}\)$/,
        );
      });
    });

    describe("a proxy that drops Upgrade", () => {
      it("Socket.IO stays on polling: the upgrade's probe fails", async () => {
        const socket = io(noUpgrade.origin("socketio-demo"), {
          reconnection: false,
          forceNew: true,
        });
        try {
          const [error] = await Promise.all([
            new Promise<Error>((resolve) =>
              socket.io.engine.on("upgradeError", resolve),
            ),
            new Promise((resolve, reject) => {
              socket.on("connect", () => resolve(undefined));
              socket.on("connect_error", reject);
            }),
          ]);
          expect(error.message).toBe("probe error: Error: websocket error");
          expect(socket.connected).toBe(true);
          expect(socket.io.engine.transport.name).toBe("polling");
        } finally {
          socket.close();
        }
      });

      it("Socket.IO on WebSocket only gets 400 Bad request", async () => {
        const status = await refusedWith(
          `ws://127.0.0.1:${noUpgrade.port("socketio-demo")}/socket.io/?EIO=4&transport=websocket`,
        );
        expect(status).toBe(400);
        const response = await fetch(
          `${noUpgrade.origin("socketio-demo")}/socket.io/?EIO=4&transport=websocket`,
        );
        expect(await response.text()).toBe(
          '{"code":3,"message":"Bad request"}',
        );
      });

      it("ws gets 404: the request is a plain GET /ws, which Express answers", async () => {
        expect(
          await refusedWith(`ws://127.0.0.1:${noUpgrade.port("ws-demo")}/ws`),
        ).toBe(404);
      });
    });

    it("TRUST_PROXY unset: every client is logged as the proxy's address", async () => {
      const run = await pollFor(noUpgrade.origin("socketio-demo"), 1, {
        localAddress: "127.0.0.9",
      });
      expect(run.ip).toBe(NGINX);
      const logged = apps
        .flatMap((app) => app.output)
        .filter((line) => / connect \S+ from \S+ over polling$/.test(line));
      expect(logged.every((line) => line.includes(` from ${NGINX} `))).toBe(
        true,
      );
    });
  },
);

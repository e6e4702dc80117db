// A Vitest suite both apps run: in LAN mode (HOST=0.0.0.0) every route
// serves a page opened by the laptop's IP address and still refuses a
// name the attacker controls (DNS rebinding); on the default 127.0.0.1
// an IP address other than loopback is refused as before.
//
// The server listens on 0.0.0.0 or 127.0.0.1 on a free port, and every
// request goes to 127.0.0.1: the Host header is what the browser would
// send, not where the bytes go. Nothing here reaches another machine.
import { randomBytes } from "node:crypto";
import { request, type IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InProcessDemo, RealtimeSide } from "./in-process.js";

export interface LanRoutes {
  /** Paths a browser GETs: pages, /stats, scripts, the stylesheet. */
  readonly pages: readonly string[];
  /** Paths a browser opens a WebSocket on (with its query). */
  readonly webSockets: readonly string[];
  /**
   * The status of a WebSocket upgrade refused for its Host: ws-demo's
   * router answers 403 itself; engine.io answers every refused upgrade
   * with 400 (the hostile suite's targets say the same).
   */
  readonly refusedUpgradeStatus: number;
}

/** An address a laptop on conference Wi-Fi might have. */
const LAN_HOST = "192.168.1.20";
const EVIL_HOST = "evil.example";

export function describeLanMode<R extends RealtimeSide>(
  name: string,
  serve: (env: Record<string, string>) => Promise<InProcessDemo<R>>,
  routes: LanRoutes,
): void {
  const pages = routes.pages.map((path) => ["GET", path] as const);
  const upgrades = routes.webSockets.map((path) => ["upgrade", path] as const);
  const everyRoute = [...pages, ...upgrades];
  const refused = (kind: Kind) =>
    kind === "GET" ? 403 : routes.refusedUpgradeStatus;

  describe(`${name} in LAN mode (HOST=0.0.0.0)`, () => {
    let demo: InProcessDemo<R>;
    beforeAll(async () => {
      demo = await serve({ HOST: "0.0.0.0" });
    });
    afterAll(() => demo.close());

    it.each(everyRoute)(
      `serves %s %s for Host: ${LAN_HOST}:PORT`,
      async (kind, path) => {
        const answer = await ask(demo.port, kind, path, LAN_HOST);
        expect(answer).toBe(kind === "GET" ? 200 : 101);
      },
    );

    it.each(everyRoute)(
      `refuses %s %s for Host: ${EVIL_HOST}:PORT`,
      async (kind, path) => {
        expect(await ask(demo.port, kind, path, EVIL_HOST)).toBe(refused(kind));
      },
    );
  });

  describe(`${name} on the default 127.0.0.1`, () => {
    let demo: InProcessDemo<R>;
    beforeAll(async () => {
      demo = await serve({});
    });
    afterAll(() => demo.close());

    it.each(everyRoute)(
      `still refuses %s %s for Host: ${LAN_HOST}:PORT`,
      async (kind, path) => {
        expect(await ask(demo.port, kind, path, LAN_HOST)).toBe(refused(kind));
      },
    );
  });
}

type Kind = "GET" | "upgrade";

/**
 * One request to 127.0.0.1 that says it is for `host:port`, with the
 * Origin its own page would send. Resolves with the HTTP status, 101 for
 * an accepted upgrade.
 */
function ask(
  port: number,
  kind: Kind,
  path: string,
  host: string,
): Promise<number> {
  const hostHeader = `${host}:${port}`;
  const headers: Record<string, string> = {
    Host: hostHeader,
    Origin: `http://${hostHeader}`,
  };
  if (kind === "upgrade") {
    Object.assign(headers, {
      Connection: "Upgrade",
      Upgrade: "websocket",
      "Sec-WebSocket-Version": "13",
      "Sec-WebSocket-Key": randomBytes(16).toString("base64"),
    });
  }
  return new Promise((resolve, reject) => {
    const outgoing = request({
      host: "127.0.0.1",
      port,
      path,
      headers,
      agent: false,
    });
    outgoing.on("upgrade", (_response, socket) => {
      socket.destroy();
      resolve(101);
    });
    outgoing.on("response", (response: IncomingMessage) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    outgoing.on("error", reject);
    outgoing.setTimeout(5000, () =>
      outgoing.destroy(new Error(`no answer to ${kind} ${path} in 5 s`)),
    );
    outgoing.end();
  });
}

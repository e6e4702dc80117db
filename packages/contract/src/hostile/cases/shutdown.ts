// Hostile rows, class "shutdown": SIGTERM while hostile clients hold
// sockets open (refused upgrades, half-open requests, a frozen peer,
// sessions that timed out). The app still exits 0 within 2 s.
import { connect } from "node:net";
import { frozenPeer } from "../../transport/frozen-peer.js";
import { openPolling, pollingRequest, pollingTarget } from "../engine-io.js";
import { holdHalfOpen, upgradeHeaders } from "../raw-http.js";
import { eventually } from "./promises.js";
import { SIO_ONLY, type HostileCase } from "./row.js";

const EXIT_PROMISE = { exit: 0, withinMs: 2000 } as const;
export const shutdown: HostileCase[] = [
  {
    name: "SIGTERM while 200 refused sockets are held open",
    class: "shutdown",
    expect: EXIT_PROMISE,
    timeoutMs: 20_000,
    async send(c) {
      const doomed = await c.spawn();
      const sockets = await Promise.all(
        Array.from({ length: 200 }, () =>
          heldRefusal(doomed.port, c.target.webSocketPath),
        ),
      );
      try {
        const { code, ms } = await doomed.stop("SIGTERM", 10_000);
        return { exit: code, ms };
      } finally {
        sockets.forEach((socket) => socket.destroy());
      }
    },
  },
  {
    name: "SIGTERM while 300 half-open HTTP requests are held",
    class: "shutdown",
    expect: EXIT_PROMISE,
    timeoutMs: 20_000,
    async send(c) {
      const doomed = await c.spawn();
      const held = await holdHalfOpen(
        doomed.port,
        300,
        `GET / HTTP/1.1\r\nHost: 127.0.0.1:${doomed.port}\r\n`,
      );
      try {
        const { code, ms } = await doomed.stop("SIGTERM", 10_000);
        return { exit: code, ms };
      } finally {
        held.release();
      }
    },
  },
  {
    name: "SIGTERM with a frozen peer",
    class: "shutdown",
    expect: EXIT_PROMISE,
    timeoutMs: 20_000,
    async send(c) {
      const doomed = await c.spawn();
      const frozen = await frozenPeer(doomed.port, c.target.webSocketPath);
      try {
        const { code, ms } = await doomed.stop("SIGTERM", 10_000);
        return { exit: code, ms };
      } finally {
        frozen.destroy();
      }
    },
  },
  {
    name: "SIGTERM after polling sessions ended by ping timeout",
    class: "shutdown",
    apps: SIO_ONLY,
    expect: EXIT_PROMISE,
    timeoutMs: 25_000,
    async send(c) {
      const doomed = await c.spawn({ HEARTBEAT_MS: "200" });
      // Connected over polling, then silent: no pong, no further poll.
      const sessions = await Promise.all(
        Array.from({ length: 5 }, () =>
          openPolling(doomed.port, { connect: true }),
        ),
      );
      // One of them leaves a poll hanging, as a closed browser tab does.
      const hanging = pollingRequest(
        doomed.port,
        "GET",
        pollingTarget(`&sid=${sessions[0]!.sid}`),
        undefined,
        { timeoutMs: 15_000 },
      );
      const timedOut = await eventually(
        async () => (await doomed.stats()).openConnections === 0,
        5000,
      );
      if (!timedOut) return { answer: "the sessions did not time out" };
      const { code, ms } = await doomed.stop("SIGTERM", 10_000);
      await hanging;
      return { exit: code, ms };
    },
  },
];

/**
 * A refused upgrade (foreign Origin) whose client reads the answer and
 * never closes its end, so the server's socket stays half-open.
 */
async function heldRefusal(port: number, path: string) {
  // allowHalfOpen: the server's FIN must not make Node end our side too.
  const socket = connect({ port, host: "127.0.0.1", allowHalfOpen: true });
  socket.on("error", () => {});
  socket.write(
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: https://evil.example\r\n` +
      upgradeHeaders()
        .map(([n, v]) => `${n}: ${v}\r\n`)
        .join("") +
      "\r\n",
  );
  await new Promise<void>((resolve) => {
    socket.once("data", () => resolve());
    socket.once("close", () => resolve());
  });
  socket.on("data", () => {});
  return socket;
}

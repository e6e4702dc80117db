// Lesson 3: Socket.IO's connection state recovery across processes. A
// client whose connection dropped comes back on the other process (as it
// would through a load balancer) and gets its rooms and the messages it
// missed, with no `join`: the streams adapter kept its session in Redis.
import { fileURLToPath } from "node:url";
import { io, type Socket } from "socket.io-client";
import { afterAll, describe, expect, it, vi } from "vitest";
import { BUSY_MACHINE_WAIT } from "@repo/demo-kit/testing";
import { socketIoRoomsDriver } from "../src/rooms/socket-io-driver.js";
import { spawnApp, type RunningApp } from "@repo/demo-kit/spawn-app";
import { withTestRedis } from "./redis-fixture.js";

const entry = fileURLToPath(
  new URL("../../../apps/socketio-demo/dist/server.js", import.meta.url),
);

/** What socket.io-client keeps to ask for recovery (private fields). */
interface RecoveryState {
  _pid?: string;
  _lastOffset?: string;
}

function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
}

describe.skipIf(!withTestRedis.available)("lesson 3 on Redis", () => {
  const redis = withTestRedis();
  const apps: RunningApp[] = [];
  const sockets: Socket[] = [];
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await Promise.all(apps.map((app) => app.stop()));
  });

  function connect(app: RunningApp, state?: RecoveryState): Socket {
    const socket = io(`${app.origin}/rooms`, {
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
      autoConnect: false,
    });
    Object.assign(socket, state);
    sockets.push(socket);
    socket.connect();
    return socket;
  }

  it("recovers a dropped client's rooms and missed messages on the other process", async () => {
    const env = { REDIS_URL: redis().url };
    const [a, b] = await Promise.all([
      spawnApp("socketio-demo", entry, env),
      spawnApp("socketio-demo", entry, env),
    ]);
    apps.push(a, b);
    const ann = connect(a);
    await connected(ann);
    const messages: string[] = [];
    ann.on("message", (m: { text: string }) => messages.push(m.text));
    expect(
      await ann.emitWithAck("join", { room: "lobby", name: "ann" }),
    ).toMatchObject({ ok: true });
    const driver = socketIoRoomsDriver(["websocket"]);
    const bob = await driver.connect(b);
    await bob.request("join", { room: "lobby", name: "bob" });
    await bob.request("say", { room: "lobby", text: "before" });
    await vi.waitFor(
      () => expect(messages).toEqual(["before"]),
      BUSY_MACHINE_WAIT,
    );

    // The network drops (no goodbye from the client): the server keeps
    // the session for 2 minutes, in Redis.
    const { _pid, _lastOffset } = ann as unknown as RecoveryState;
    const id = ann.id;
    ann.io.engine.close();
    // The server saves the session as it sees the connection end, before
    // it logs the disconnect: come back only once it has.
    await vi.waitFor(
      () =>
        expect(a.output.join("\n")).toMatch(
          new RegExp(`disconnect ${id}.*transport close`),
        ),
      BUSY_MACHINE_WAIT,
    );
    await bob.request("say", { room: "lobby", text: "while you were away" });

    const back = connect(b, { _pid, _lastOffset });
    const replayed: string[] = [];
    back.on("message", (m: { text: string }) => replayed.push(m.text));
    await connected(back);
    expect(back.recovered).toBe(true);
    expect(back.id).toBe(id);
    await vi.waitFor(
      () => expect(replayed).toEqual(["while you were away"]),
      BUSY_MACHINE_WAIT,
    );
    // Still in the room, with no join: the next message reaches it.
    await bob.request("say", { room: "lobby", text: "welcome back" });
    await vi.waitFor(
      () => expect(replayed).toEqual(["while you were away", "welcome back"]),
      BUSY_MACHINE_WAIT,
    );
    await bob.close();
  });
});

import { fc, test as fcTest } from "@fast-check/vitest";
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  it,
  vi,
} from "vitest";
import { Server } from "socket.io";
import { io, type Socket } from "socket.io-client";
import { WebSocket } from "ws";
import { describeReply } from "../src/push.js";
import { serve, type TestServer } from "./serve.js";

let running: TestServer | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await running?.close();
  running = undefined;
});

async function start(env: Record<string, string> = {}) {
  running = await serve({ PUSH_INTERVAL_MS: "100", ...env });
  return running;
}

function client(
  port: number,
  transports: Array<"polling" | "websocket"> = ["polling", "websocket"],
) {
  const socket = io(`http://127.0.0.1:${port}`, {
    path: "/socket.io",
    transports,
    reconnection: false,
    forceNew: true,
  });
  sockets.push(socket);
  return socket;
}

/** A raw engine.io WebSocket, through the Socket.IO CONNECT: for packets no real client sends. */
async function rawSocket(port: number): Promise<WebSocket> {
  const ws = new WebSocket(
    `ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`,
  );
  ws.on("error", () => {});
  const [open] = (await once(ws, "message")) as [Buffer];
  expect(open.toString()).toMatch(/^0\{"sid"/);
  ws.send("40");
  const [connected] = (await once(ws, "message")) as [Buffer];
  expect(connected.toString()).toMatch(/^40\{"sid"/);
  return ws;
}

/** The first argument of the next `event` on a socket.io-client emitter. */
function next<T = unknown>(
  emitter: { once(event: string, listener: (value: T) => void): unknown },
  event: string,
): Promise<T> {
  return new Promise((resolve) => emitter.once(event, resolve));
}

async function expectStillServing(port: number) {
  const socket = client(port);
  const news = await next<{ seq: number }>(socket, "news");
  expect(news.seq).toBe(1);
  socket.close();
}

describe("transports", () => {
  it("starts a default client on polling and upgrades it to websocket", async () => {
    const { port, logs } = await start();
    const socket = client(port);
    const transports = await new Promise<string[]>((resolve) => {
      socket.io.once("open", () => {
        const first = socket.io.engine.transport.name;
        socket.io.engine.once("upgrade", (transport: { name: string }) =>
          resolve([first, transport.name]),
        );
      });
    });
    expect(transports).toEqual(["polling", "websocket"]);
    await vi.waitFor(() =>
      expect(logs.join("\n")).toMatch(/upgraded to websocket/),
    );
  });

  it("serves a polling-only client: news arrive, replies reach the server", async () => {
    const { port, realtime } = await start();
    const socket = client(port, ["polling"]);
    const news = await next<{ seq: number }>(socket, "news");
    socket.emit("reply", { seq: news.seq, text: "over polling" });
    await vi.waitFor(() => expect(realtime.stats().received).toBe(1));
    expect(socket.io.engine.transport.name).toBe("polling");
  });

  // Files and pages only: one server for the four.
  describe("what it serves", () => {
    let served: TestServer;
    beforeAll(async () => {
      served = await serve({ PUSH_INTERVAL_MS: "100" });
    });
    afterAll(() => served?.close());

    it.each(["socket.io.js", "socket.io.min.js"])(
      "serves its client script at /socket.io/%s",
      async (file) => {
        const { port } = served;
        const response = await fetch(
          `http://127.0.0.1:${port}/socket.io/${file}`,
        );
        expect(response.status).toBe(200);
        expect(await response.text()).toContain("Socket.IO v4");
      },
    );

    it.each(["/", "/rooms"])(
      "has the page %s load the minified client, the production build",
      async (page) => {
        const { port } = served;
        const html = await (
          await fetch(`http://127.0.0.1:${port}${page}`)
        ).text();
        expect(html).toContain('<script src="/socket.io/socket.io.min.js">');
        expect(html).not.toContain("/socket.io/socket.io.js");
      },
    );
  });
});

describe("bad input", () => {
  // The other malformed packets (42{}, 4abc, an event name that is not a
  // string, an absurd attachment count), oversize messages (1009 over
  // WebSocket, 413 over polling), a foreign Origin and an event named
  // "error" are rows of the contract's hostile-input table, run against
  // the app's process: packages/contract/src/hostile/cases/.
  it("closes the connection on an attachment it was never announced, and keeps serving", async () => {
    const { port, realtime } = await start();
    const ws = await rawSocket(port);
    ws.send('451-["reply",{"_placeholder":true,"num":9}]'); // attachment 9 of 1
    ws.send(Buffer.from([1]));
    await once(ws, "close");
    await vi.waitFor(() =>
      expect(realtime.stats()).toMatchObject({
        openConnections: 0,
        liveTimers: 0,
      }),
    );
    await expectStillServing(port);
  });

  it("logs a reply of the wrong shape instead of trusting its type", async () => {
    const { port, logs } = await start();
    const ws = await rawSocket(port);
    ws.send('42["reply","just a string"]');
    await vi.waitFor(() =>
      expect(logs.join("\n")).toContain(
        'reply of an unexpected shape: "just a string"',
      ),
    );
    ws.close();
  });
});

describe("Origin", () => {
  // The app's refusal of a foreign Origin (400 over WebSocket, 403 over
  // polling) is asserted by the hostile-input table; here, why it needs one.
  it("shows why: the cors option alone does not stop a cross-site WebSocket", async () => {
    // A plain Socket.IO server that relies on `cors`, as many tutorials do.
    const httpServer = createServer();
    const plain = new Server(httpServer, {
      cors: { origin: "https://good.example" },
    });
    httpServer.listen(0, "127.0.0.1");
    await once(httpServer, "listening");
    const { port } = httpServer.address() as AddressInfo;
    const ws = new WebSocket(
      `ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`,
      {
        origin: "https://evil.example",
      },
    );
    const [open] = (await once(ws, "message")) as [Buffer];
    expect(open.toString()).toMatch(/^0\{"sid"/); // in: cors did not stop it
    ws.terminate();
    await plain.close();
  });
});

describe("lifecycle", () => {
  it("logs connect with IP and socket id, and disconnect with its reason", async () => {
    const { port, logs } = await start();
    const socket = client(port, ["websocket"]);
    await next(socket, "connect");
    const id = socket.id!;
    socket.disconnect();
    await vi.waitFor(() =>
      expect(logs.some((line) => line.startsWith("disconnect"))).toBe(true),
    );
    expect(logs[0]).toBe(`connect ${id} from 127.0.0.1 over websocket`);
    expect(logs.at(-1)).toBe(
      `disconnect ${id} from 127.0.0.1: client namespace disconnect`,
    );
  });

  it("closes with io.close(): the client is not sent away, so it would reconnect", async () => {
    const server = await serve({ PUSH_INTERVAL_MS: "100" });
    const socket = io(`http://127.0.0.1:${server.port}`, {
      transports: ["websocket"],
      reconnectionDelay: 50,
      reconnectionDelayMax: 50,
      forceNew: true,
    });
    sockets.push(socket);
    await next(socket, "connect");
    const disconnected = next<string>(socket, "disconnect");
    const attempting = next(socket.io, "reconnect_attempt");
    await server.close();
    const reason = await disconnected;
    expect(reason).toBe("transport close"); // not "io server disconnect"
    await attempting; // Socket.IO is already trying to come back
  });
});

describe("describeReply", () => {
  it.each([
    [{ seq: 2, text: "hi" }, 'reply #2: "hi"'],
    ["text", 'reply of an unexpected shape: "text"'],
    [undefined, "reply of an unexpected shape: undefined"],
    [{ seq: "2" }, 'reply of an unexpected shape: {"seq": "2"}'],
  ])("%j", (reply, expected) => {
    expect(describeReply(reply)).toBe(expected);
  });

  it("describes an array nested 5000 deep without overflowing the stack", () => {
    // JSON.stringify throws RangeError on this, and used to kill the server.
    let deep: unknown = [];
    for (let i = 0; i < 5000; i++) deep = [deep];
    expect(describeReply(deep)).toBe("reply of an unexpected shape: [[[[…]]]]");
  });

  it("cuts a long text to one bounded line", () => {
    const line = describeReply({ seq: 1, text: "z".repeat(60_000) });
    expect(line.length).toBeLessThanOrEqual(250);
    expect(line).toMatch(/^reply #1: "z+…$/);
  });
});

describe("fuzz: describeReply", () => {
  // What socket.io-parser can hand to the `reply` listener: any JSON, and
  // Buffers for binary attachments, nested deep.
  const reply = fc.oneof(
    fc.jsonValue({ maxDepth: 8 }),
    fc.anything({ maxDepth: 5, withTypedArray: true }),
    fc.record({ seq: fc.double(), text: fc.string({ unit: "binary" }) }),
    fc
      .integer({ min: 1, max: 30_000 })
      .map(
        (depth) => JSON.parse("[".repeat(depth) + "]".repeat(depth)) as unknown,
      ),
  );
  fcTest.prop([reply], { numRuns: 500 })(
    "returns one bounded line for any reply",
    (value) => {
      const line = describeReply(value);
      expect(line.length).toBeLessThanOrEqual(250);
      expect(line).not.toMatch(/[\n\r]/);
    },
  );
});

// A client process for the rooms scenario (lesson 2): members join their
// rooms over the rooms wire contract (ws: JSON frames with acks on
// /ws/rooms; Socket.IO: namespace /rooms, events with acks), say at a set
// rate, and count every frame both ways. Run with child_process.fork;
// all talk is over IPC.
import { io, type Socket } from "socket.io-client";
import { WebSocket } from "ws";
import { enginePacketFrameBytes, websocketFrameBytes } from "./frames.js";

export type RoomsTransport = "ws" | "socket.io";

export interface RoomsMember {
  readonly port: number;
  readonly room: string;
  readonly name: string;
  /**
   * The loopback address it connects from: each member is its own client
   * to the rooms' per-address budgets, as real members are.
   */
  readonly address?: string;
}

export type RoomsCommand =
  | {
      readonly type: "connect";
      readonly transport: RoomsTransport;
      readonly members: readonly RoomsMember[];
      readonly concurrency: number;
    }
  /** Each member says every `everyMs` (spread out), `count` times. */
  | { readonly type: "say"; readonly everyMs: number; readonly count: number }
  /** Each member says `count` times at once. */
  | { readonly type: "burst"; readonly count: number }
  | { readonly type: "report" }
  | { readonly type: "close" };

/** Counters since this process's clients connected (the caller takes differences). */
export interface RoomsReport {
  readonly type: "report";
  readonly connectMs: number[];
  readonly failures: string[];
  /** Frames the server wrote to these clients, by protocol arithmetic. */
  readonly bytesIn: number;
  /** Of those, the `message` frames. */
  readonly messageBytesIn: number;
  /** Frames these clients wrote (masked). */
  readonly bytesOut: number;
  /** `message` events received. */
  readonly deliveries: number;
  /** `say` answered ok / refused as rate-limited. */
  readonly saysOk: number;
  readonly rateLimited: number;
  /** Say -> delivery, ms, for every delivery since the last report. */
  readonly latencyMs: number[];
  /** Wall-clock time of the last delivery. */
  readonly lastDeliveryAt: number;
}

interface Member {
  say(text: string): Promise<{ ok: boolean; error?: string }>;
  close(): Promise<void>;
}

const members: Array<{ member: Member; room: string }> = [];
const connectMs: number[] = [];
const failures: string[] = [];
let bytesIn = 0;
let messageBytesIn = 0;
let bytesOut = 0;
let deliveries = 0;
let saysOk = 0;
let rateLimited = 0;
let latencyMs: number[] = [];
let lastDeliveryAt = 0;

function now(): number {
  return performance.timeOrigin + performance.now();
}

/** A `message` arrived: its text is the sender's clock when it said it. */
function delivered(text: string, frameBytes: number): void {
  const at = now();
  deliveries += 1;
  messageBytesIn += frameBytes;
  lastDeliveryAt = at;
  const sentAt = Number(text);
  if (Number.isFinite(sentAt)) latencyMs.push(at - sentAt);
}

type Answer = { ok: boolean; error?: string };

function connectWs(target: RoomsMember): Promise<Member> {
  const ws = new WebSocket(`ws://127.0.0.1:${target.port}/ws/rooms`, {
    perMessageDeflate: false,
    localAddress: target.address,
  });
  const pending = new Map<number, (answer: Answer) => void>();
  let lastAck = 0;
  const request = (event: string, data: unknown): Promise<Answer> => {
    const ack = ++lastAck;
    const text = JSON.stringify({ event, data, ack });
    bytesOut += websocketFrameBytes(Buffer.byteLength(text), true);
    ws.send(text);
    return new Promise((resolve) => pending.set(ack, resolve));
  };
  ws.on("message", (data: Buffer) => {
    bytesIn += websocketFrameBytes(data.length, false);
    const frame = JSON.parse(data.toString("utf8")) as {
      event: string;
      ack?: number;
      data: { text?: string } & Answer;
    };
    if (frame.event === "ack" && frame.ack !== undefined) {
      pending.get(frame.ack)?.(frame.data);
      pending.delete(frame.ack);
    } else if (frame.event === "message") {
      delivered(frame.data.text ?? "", websocketFrameBytes(data.length, false));
    }
  });
  return new Promise((resolve, reject) => {
    ws.once("error", reject);
    ws.once("open", () => {
      void request("join", { room: target.room, name: target.name }).then(
        (answer) =>
          answer.ok
            ? resolve({
                say: (text) => request("say", { room: target.room, text }),
                close: () =>
                  new Promise<void>((done) => {
                    ws.once("close", () => done());
                    ws.close();
                  }),
              })
            : reject(new Error(`join refused: ${answer.error}`)),
      );
    });
  });
}

function connectSocketIo(target: RoomsMember): Promise<Member> {
  const socket: Socket = io(`http://127.0.0.1:${target.port}/rooms`, {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    ...(target.address ? { localAddress: target.address } : {}),
  });
  // The size of the packet behind the `message` event being delivered:
  // events run a tick after their packet is decoded, in order.
  const messagePackets: number[] = [];
  socket.io.on("open", () => {
    const engine = socket.io.engine;
    engine.on("packet", (packet: { type: string; data?: unknown }) => {
      if (packet.type !== "message") return;
      const data = packet.data as string;
      const bytes = enginePacketFrameBytes(data, false);
      bytesIn += bytes;
      if (data.startsWith('2/rooms,["message",')) messagePackets.push(bytes);
    });
    engine.on("packetCreate", (packet: { type: string; data?: unknown }) => {
      if (packet.type === "message")
        bytesOut += enginePacketFrameBytes(packet.data as string, true);
    });
  });
  socket.on("message", (message: { text?: string }) => {
    delivered(message.text ?? "", messagePackets.shift() ?? 0);
  });
  return new Promise((resolve, reject) => {
    socket.once("connect_error", reject);
    socket.once("connect", () => {
      void (
        socket.emitWithAck("join", {
          room: target.room,
          name: target.name,
        }) as Promise<Answer>
      ).then((answer) =>
        answer.ok
          ? resolve({
              say: (text) =>
                socket.emitWithAck("say", {
                  room: target.room,
                  text,
                }) as Promise<Answer>,
              close: () => {
                socket.disconnect();
                return Promise.resolve();
              },
            })
          : reject(new Error(`join refused: ${answer.error}`)),
      );
    });
  });
}

async function connectAll(
  transport: RoomsTransport,
  targets: readonly RoomsMember[],
  concurrency: number,
): Promise<void> {
  let next = 0;
  async function lane(): Promise<void> {
    while (next < targets.length) {
      const target = targets[next++]!;
      const start = performance.now();
      try {
        const member =
          transport === "ws"
            ? await connectWs(target)
            : await connectSocketIo(target);
        connectMs.push(performance.now() - start);
        members.push({ member, room: target.room });
      } catch (error) {
        failures.push((error as Error).message);
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, lane));
}

async function sayOnce(member: Member): Promise<void> {
  const answer = await member.say(String(now()));
  if (answer.ok) saysOk += 1;
  else if (answer.error === "rate-limited") rateLimited += 1;
}

/** Each member says `count` times, `everyMs` apart, starting at a random offset. */
async function sayAtRate(everyMs: number, count: number): Promise<void> {
  await Promise.all(
    members.map(async ({ member }) => {
      await sleep(Math.random() * everyMs);
      for (let i = 0; i < count; i++) {
        const started = performance.now();
        await sayOnce(member);
        if (i < count - 1) await sleep(everyMs - (performance.now() - started));
      }
    }),
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

process.on("message", (command: RoomsCommand) => {
  void (async () => {
    switch (command.type) {
      case "connect":
        await connectAll(
          command.transport,
          command.members,
          command.concurrency,
        );
        break;
      case "say":
        await sayAtRate(command.everyMs, command.count);
        break;
      case "burst":
        await Promise.all(
          members.flatMap(({ member }) =>
            Array.from({ length: command.count }, () => sayOnce(member)),
          ),
        );
        break;
      case "report":
        break;
      case "close":
        await Promise.all(
          members.splice(0).map(({ member }) => member.close()),
        );
        break;
    }
    const report: RoomsReport = {
      type: "report",
      connectMs,
      failures,
      bytesIn,
      messageBytesIn,
      bytesOut,
      deliveries,
      saysOk,
      rateLimited,
      lastDeliveryAt,
      latencyMs: command.type === "report" ? latencyMs : [],
    };
    // Latencies go out once, with the report that asked for them.
    if (command.type === "report") latencyMs = [];
    process.send!(report);
  })();
});

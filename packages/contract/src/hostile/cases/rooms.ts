// Hostile rows, class "rooms": lesson 2's requests with bad payloads,
// markup, prototype keys, limits overstepped and floods of refusals, and
// each transport's own malformed packets. Bad input gets an answer and
// never closes the connection, until a client has been refused too often.
import { LIMITS } from "@repo/rooms";
import { answerOutcome } from "../context.js";
import type { Expected } from "../outcome.js";
import { exchange, hostHeader } from "../raw-http.js";
import { buildFrame as frame, OPCODE } from "../raw-websocket.js";
import { BAD_PAYLOADS, nested } from "./inputs.js";
import { SIO_ONLY, WS_ONLY, type HostileCase } from "./row.js";

/** Lesson 2's requests (docs/rooms/protocol.md): bad input gets an answer and never closes the connection. */
const ROOMS_EVENTS = ["join", "leave", "say", "typing"] as const;
const refusedWith = (code: string): Expected => ({
  answer: new RegExp(`"error":"${code}"`),
});
const joined = (room: string, name = "ann") =>
  ["join", JSON.stringify({ room, name })] as const;
export const roomRows: HostileCase[] = [
  ...ROOMS_EVENTS.flatMap((event) =>
    BAD_PAYLOADS.map(([name, json]): HostileCase => ({
      name: `${event} ${name}`,
      class: "rooms",
      expect: refusedWith("bad-request"),
      send: (c) => c.rooms([event, json]),
    })),
  ),
  {
    name: "GET /rooms with markup in room and name: the page, nothing reflected",
    class: "rooms",
    expect: { status: 200 },
    async send(c) {
      const markup = "<script>alert(1)</script>";
      const answer = await exchange(c.app.port, {
        target: `/rooms?room=${encodeURIComponent(markup)}&name=${encodeURIComponent(`"><img src=x onerror=alert(1)>`)}`,
        headers: [hostHeader(c.app.port), ["Connection", "close"]],
      });
      if (
        answer.kind === "status" &&
        /<script>alert|onerror=alert/.test(answer.body)
      )
        return { answer: "the query is in the page as markup" };
      return answerOutcome(answer);
    },
  },
  {
    name: "join with a 30 KB name of quotes (the refusal's log line stays short)",
    class: "rooms",
    expect: refusedWith("bad-request"),
    send: (c) =>
      c.rooms([
        "join",
        JSON.stringify({ room: "lobby", name: '"'.repeat(30_000) }),
      ]),
  },
  {
    name: "join with control characters in the name",
    class: "rooms",
    expect: refusedWith("bad-request"),
    send: (c) =>
      c.rooms([
        "join",
        JSON.stringify({ room: "lobby", name: "\u001b[2Jann" }),
      ]),
  },
  {
    name: "join the room __proto__",
    class: "rooms",
    expect: refusedWith("bad-request"),
    send: (c) => c.rooms(joined("__proto__")),
  },
  {
    name: "join the room constructor, then say something there",
    class: "rooms",
    expect: { answer: /"ok":true,"id":/ },
    note: "a valid room name that is also an Object.prototype key: no lookup may find the prototype's",
    send: (c) =>
      c.rooms(joined("constructor", "constructor"), [
        "say",
        '{"room":"constructor","text":"hi"}',
      ]),
  },
  {
    name: "say 501 characters",
    class: "rooms",
    expect: refusedWith("bad-request"),
    send: (c) =>
      c.rooms(joined("lobby"), [
        "say",
        JSON.stringify({ room: "lobby", text: "x".repeat(501) }),
      ]),
  },
  {
    name: "say 500 quotes (the most a text may be; escaped, it doubles)",
    class: "rooms",
    expect: { answer: /"ok":true,"id":/ },
    send: (c) =>
      c.rooms(joined("lobby"), [
        "say",
        JSON.stringify({ room: "lobby", text: '"'.repeat(500) }),
      ]),
  },
  {
    name: "join with an `after` of 10 KB",
    class: "rooms",
    expect: refusedWith("bad-request"),
    send: (c) =>
      c.rooms([
        "join",
        JSON.stringify({
          room: "lobby",
          name: "ann",
          after: "9".repeat(10_000),
        }),
      ]),
  },
  {
    name: "say in a room not joined",
    class: "rooms",
    expect: refusedWith("not-in-room"),
    send: (c) => c.rooms(["say", '{"room":"lobby","text":"hi"}']),
  },
  ...["nope", "__proto__", "constructor", "hasOwnProperty", "welcome"].map(
    (event): HostileCase => ({
      name: `an unknown event ${JSON.stringify(event)}`,
      class: "rooms",
      expect: refusedWith("unknown-event"),
      send: (c) => c.rooms([event, '{"room":"lobby"}']),
    }),
  ),
  {
    name: "join a sixth room",
    class: "rooms",
    maxLogLines: 20, // each join is logged
    expect: refusedWith("too-many-rooms"),
    send: (c) =>
      c.rooms(
        ...["r1", "r2", "r3", "r4", "r5", "r6"].map((room) => joined(room)),
      ),
  },
  {
    name: "15 say at once: the eleventh on is rate-limited, the log stays short",
    class: "rooms",
    maxLogLines: 20,
    expect: refusedWith("rate-limited"),
    send: (c) =>
      c.rooms(
        joined("lobby"),
        ...Array.from(
          { length: 15 },
          (_, i) =>
            ["say", JSON.stringify({ room: "lobby", text: `#${i}` })] as const,
        ),
      ),
  },
  ...(
    [
      [WS_ONLY, { close: 1008 }],
      [SIO_ONLY, "closed"],
    ] as const
  ).map(([apps, expected]): HostileCase => ({
    name: `500 bad requests in a burst: answered until ${LIMITS.requestBurst}, rate-limited after, closed past ${LIMITS.refusalsBeforeClose} refusals, in a few log lines`,
    class: "rooms",
    apps,
    expect: expected,
    maxLogLines: 30,
    note: "every request counts toward the overall budget, bad ones too",
    send: (c) =>
      c.rooms(...Array.from({ length: 500 }, () => ["join", "null"] as const)),
  })),
  ...[
    ["text that is not JSON", "hello"],
    ["a JSON array", "[1,2,3]"],
    ["an ack that is a string", '{"event":"join","data":null,"ack":"1"}'],
    ["nesting 5000 deep", `{"event":"join","data":${nested(5000)},"ack":1}`],
  ].map(([name, raw]): HostileCase => ({
    name: `ws: ${name!}`,
    class: "rooms",
    apps: WS_ONLY,
    expect: refusedWith("bad-request"),
    note: "ws-demo answers with an `error` event when there is no usable ack",
    send: (c) => c.rooms(raw!),
  })),
  {
    name: "ws: a binary frame",
    class: "rooms",
    apps: WS_ONLY,
    expect: refusedWith("bad-request"),
    send: (c) =>
      c.rooms(
        frame({ opcode: OPCODE.binary, payload: Buffer.from([1, 2, 3]) }),
      ),
  },
  {
    name: "socket.io: CONNECT to /rooms with a forged recovery pid",
    class: "rooms",
    apps: SIO_ONLY,
    expect: { answer: /^40\/rooms,\{"sid":"[^"]+","pid":"[^"]+"\}$/ },
    note: "connectionStateRecovery finds no such session: a fresh one, not a recovered one",
    async send(c) {
      const linesBefore = c.app.output.length;
      const seen = await c.texts(
        `40/rooms,{"pid":"${"x".repeat(10_000)}","offset":{"__proto__":1}}`,
      );
      const recovered = c.app.output
        .slice(linesBefore)
        .some((line) => line.endsWith("to the rooms: recovered"));
      return recovered ? { answer: "a forged pid recovered a session" } : seen;
    },
  },
  ...["[1]", '"x"'].map((auth): HostileCase => ({
    name: `socket.io: CONNECT to /rooms with ${auth} as its auth`,
    class: "rooms",
    apps: SIO_ONLY,
    expect: "closed",
    note: "socket.io-parser: a CONNECT payload must be an object",
    send: (c) => c.texts(`40/rooms,${auth}`),
  })),
  {
    name: "socket.io: a bad request without an ack",
    class: "rooms",
    apps: SIO_ONLY,
    expect: "ignored",
    note: "Socket.IO has no error event in the rooms protocol: refused, logged, unanswered",
    send: (c) => c.rooms('42/rooms,["join",null]'),
  },
  {
    name: "socket.io: the reserved event name `disconnecting` in /rooms",
    class: "rooms",
    apps: SIO_ONLY,
    expect: "closed",
    note: "socket.io-parser refuses reserved names as invalid payload",
    send: (c) => c.rooms('42/rooms,1["disconnecting",{}]'),
  },
];

// The hostile-input table (issue #10): one row per input, run against
// each app it names by describeHostileSuite. A lesson that adds a message
// type adds its rows here. Each row says what it sends and what it expects;
// after every row the suite also checks that the server is alive, serves a
// fresh client within a second, is back to 0 connections and 0 timers,
// and logged a few bounded lines.
import { connect } from "node:net";
import { LIMITS } from "@repo/rooms";
import {
  MAX_PAYLOAD_BYTES,
  TRUSTED_PROXY,
  UNTRUSTED_PEER,
} from "../contract-settings.js";
import { frozenPeer } from "../transport/frozen-peer.js";
import type { CaseContext } from "./context.js";
import { answerOutcome } from "./context.js";
import {
  openPolling,
  pollingRequest,
  pollingTarget,
  RECORD_SEPARATOR,
} from "./engine-io.js";
import type { Expected, Outcome } from "./outcome.js";
import {
  exchange,
  holdHalfOpen,
  hostHeader,
  upgradeHeaders,
  type HeaderLine,
} from "./raw-http.js";
import {
  buildFrame,
  closePayload,
  OPCODE,
  type FrameSpec,
} from "./raw-websocket.js";
import type { AppName } from "./targets.js";

export type CaseClass =
  | "handshake"
  | "rooms"
  | "x-forwarded-for"
  | "frames"
  | "messages"
  | "packets"
  | "churn"
  | "shutdown";

export interface HostileCase {
  readonly name: string;
  readonly class: CaseClass;
  /** The apps this row applies to (default: both). */
  readonly apps?: readonly AppName[];
  readonly expect: Expected;
  /** Sends the input and says what came of it. */
  readonly send: (c: CaseContext) => Promise<Outcome>;
  /** Lines the row may add to the log, the fresh client's included (default 8). */
  readonly maxLogLines?: number;
  /** Default 15 s. */
  readonly timeoutMs?: number;
  /** Why the expectation is what it is, where that is not obvious. */
  readonly note?: string;
}

const BOTH: readonly AppName[] = ["ws-demo", "socketio-demo"];
const WS_ONLY: readonly AppName[] = ["ws-demo"];
const SIO_ONLY: readonly AppName[] = ["socketio-demo"];

const frame = buildFrame;
const text = (payload: string | Buffer, more: Partial<FrameSpec> = {}) =>
  frame({ opcode: OPCODE.text, payload, ...more });
const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
const own = (c: CaseContext) => `http://127.0.0.1:${c.app.port}`;
const evilHost = (c: CaseContext) => `evil.example:${c.app.port}`;
const manyHeaders = (n: number): HeaderLine[] =>
  Array.from({ length: n }, () => ["x", "1"] as const);

// #region handshake
const handshake: HostileCase[] = [
  {
    name: "upgrade without Sec-WebSocket-Key",
    class: "handshake",
    expect: { refused: "malformed" },
    send: (c) =>
      c.upgrade({
        handshake: upgradeHeaders().filter(([n]) => n !== "Sec-WebSocket-Key"),
      }),
  },
  {
    name: "upgrade with Sec-WebSocket-Version: 12",
    class: "handshake",
    expect: { refused: "malformed" },
    send: (c) => c.upgrade({ handshake: upgradeHeaders(undefined, "12") }),
  },
  {
    name: "Sec-WebSocket-Protocol of 12 000 spaces (ReDoS class)",
    class: "handshake",
    expect: { refused: "malformed" },
    note: "ws parses the header in one pass and refuses an empty list",
    send: (c) =>
      c.upgrade({ headers: [["Sec-WebSocket-Protocol", " ".repeat(12_000)]] }),
  },
  ...["/nope", "//", "//@", "http://["].map((path): HostileCase => ({
    name: `upgrade to the wrong path ${JSON.stringify(path)}`,
    class: "handshake",
    expect: { refused: "path" },
    send: (c) => c.upgrade({ target: path }),
  })),
  {
    name: "upgrade to a 10 KB path (the refusal's log line stays short)",
    class: "handshake",
    expect: { refused: "path" },
    send: (c) => c.upgrade({ target: `/${"x".repeat(10_000)}` }),
  },
  {
    name: "HTTP/1.1 upgrade without Host",
    class: "handshake",
    expect: { refused: "malformed" },
    send: (c) => c.upgrade({ host: null }),
  },
  {
    name: "HTTP/1.1 GET / without Host (Node answers 400)",
    class: "handshake",
    expect: { status: 400 },
    send: (c) => c.http({ target: "/", headers: [] }),
  },
  {
    name: "a foreign Origin",
    class: "handshake",
    expect: { refused: "origin" },
    send: (c) => c.upgrade({ headers: [["Origin", "https://evil.example"]] }),
  },
  {
    name: "two Origin headers, both the page's own",
    class: "handshake",
    expect: { refused: "origin" },
    note: "Node joins them into one value, which is no origin at all",
    send: (c) =>
      c.upgrade({
        headers: [
          ["Origin", own(c)],
          ["Origin", own(c)],
        ],
      }),
  },
  {
    name: "an Origin of 5000 characters (the refusal's log line stays short)",
    class: "handshake",
    expect: { refused: "origin" },
    send: (c) =>
      c.upgrade({
        headers: [["Origin", `http://${"a".repeat(5000)}.example`]],
      }),
  },
  {
    name: "Origin: null (sandboxed frame, file://)",
    class: "handshake",
    expect: { refused: "origin" },
    send: (c) => c.upgrade({ headers: [["Origin", "null"]] }),
  },
  {
    name: "Origin of the same host on another port",
    class: "handshake",
    expect: { refused: "origin" },
    send: (c) =>
      c.upgrade({
        headers: [["Origin", `http://127.0.0.1:${c.app.port + 1}`]],
      }),
  },
  {
    name: "Origin with a path (browsers never send one)",
    class: "handshake",
    expect: { refused: "origin" },
    send: (c) => c.upgrade({ headers: [["Origin", `${own(c)}/x`]] }),
  },
  {
    name: "the page's own Origin by another loopback name (Host localhost, Origin 127.0.0.1)",
    class: "handshake",
    expect: { status: 101 },
    note: "a control: the Origin rule must not refuse the page itself",
    send: (c) =>
      c.upgrade({
        host: `localhost:${c.app.port}`,
        headers: [["Origin", own(c)]],
      }),
  },
  {
    name: "Origin https://127.0.0.1:PORT on the plain-http server",
    class: "handshake",
    expect: { refused: "origin" },
    send: (c) =>
      c.upgrade({
        headers: [["Origin", `https://127.0.0.1:${c.app.port}`]],
      }),
  },
  {
    name: "DNS rebinding: upgrade with Host evil.example:PORT and its own Origin",
    class: "handshake",
    expect: { refused: "host" },
    send: (c) =>
      c.upgrade({
        host: evilHost(c),
        headers: [["Origin", `http://${evilHost(c)}`]],
      }),
  },
  ...["/", "/stats", "/rooms"].map((path): HostileCase => ({
    name: `DNS rebinding: GET ${path} with Host evil.example:PORT`,
    class: "handshake",
    expect: { status: 403 },
    send: (c) => c.http({ target: path, headers: [["Host", evilHost(c)]] }),
  })),
  {
    name: "DNS rebinding: polling handshake with Host evil.example:PORT",
    class: "handshake",
    apps: SIO_ONLY,
    expect: { status: 403 },
    send: (c) =>
      c.http({
        target: pollingTarget(),
        headers: [["Host", evilHost(c)]],
      }),
  },
  {
    name: "polling handshake from a foreign Origin",
    class: "handshake",
    apps: SIO_ONLY,
    expect: { status: 403 },
    note: "engine.io's abortRequest() answers a refused allowRequest with 403",
    send: (c) =>
      c.http({
        target: pollingTarget(),
        headers: [hostHeader(c.app.port), ["Origin", "https://evil.example"]],
      }),
  },
  ...[
    ["[", "not a host at all"],
    [`127.0.0.1:PORT@evil.example`, "userinfo trick"],
    [`127.0.0.1:PORT, evil.example`, "a list"],
    ["a".repeat(5000), "5000 characters"],
  ].map(([host, why]): HostileCase => ({
    name: `GET / with Host ${JSON.stringify(host!.slice(0, 30))} (${why!})`,
    class: "handshake",
    expect: { status: 403 },
    send: (c) =>
      c.http({
        target: "/",
        headers: [["Host", host!.replace("PORT", String(c.app.port))]],
      }),
  })),
  {
    name: "GET / with two Host headers, ours first",
    class: "handshake",
    expect: { status: 400 },
    note: "RFC 9112 section 3.2: a request with more than one Host line MUST get 400. Node keeps the first and drops the rest, so a proxy that reads the last one sees another request than the app",
    send: (c) =>
      c.http({
        target: "/",
        headers: [hostHeader(c.app.port), ["Host", evilHost(c)]],
      }),
  },
  {
    name: "an upgrade with two Host headers, ours first",
    class: "handshake",
    expect: { status: 400 },
    send: (c) => c.upgrade({ headers: [["Host", evilHost(c)]] }),
  },
  {
    name: "a 20 KB header (Node answers 431)",
    class: "handshake",
    expect: { status: 431 },
    send: (c) => c.upgrade({ headers: [["X-Big", "a".repeat(20_000)]] }),
  },
  {
    name: "2100 headers, the handshake ones past maxHeadersCount (CVE-2024-37890 class)",
    class: "handshake",
    expect: { statusIn: [400, 431] },
    note: "Node 20 keeps the first 2000 headers, so ws misses Upgrade and answers 400 (both apps' upgrade parsers are ws); Node 24 refuses the request itself with 431. Either is a clean refusal",
    send: (c) => c.upgrade({ headers: manyHeaders(2100) }),
  },
  {
    name: "GET /stats with 2100 headers",
    class: "handshake",
    expect: { statusIn: [200, 431] },
    note: "Node 20 serves it with the first 2000 headers; Node 24 answers 431",
    send: (c) =>
      c.http({
        target: "/stats",
        headers: [hostHeader(c.app.port), ...manyHeaders(2100)],
      }),
  },
  {
    name: "1000 half-open requests held while a fresh client connects",
    class: "handshake",
    expect: "served",
    timeoutMs: 20_000,
    async send(c) {
      const held = await holdHalfOpen(
        c.app.port,
        1000,
        `GET / HTTP/1.1\r\nHost: 127.0.0.1:${c.app.port}\r\n`,
      );
      try {
        const start = performance.now();
        const client = await c.target.driver.connect(c.app);
        const ms = performance.now() - start;
        await client.close();
        return ms < 1000
          ? "served"
          : { answer: `the welcome took ${Math.round(ms)} ms` };
      } finally {
        held.release();
      }
    },
  },
  {
    name: "200 refused upgrades in a row: the log says so in a few lines",
    class: "handshake",
    expect: "served",
    maxLogLines: 30,
    async send(c) {
      for (let i = 0; i < 200; i += 50) {
        const answers = await Promise.all(
          Array.from({ length: 50 }, () =>
            c.upgrade({ headers: [["Origin", "https://evil.example"]] }),
          ),
        );
        const wrong = answers.find(
          (a) =>
            JSON.stringify(a) !==
            JSON.stringify({
              status: c.target.capabilities.refusedUpgrade.origin,
            }),
        );
        if (wrong) return wrong;
      }
      return "served";
    },
  },
];
// #endregion handshake

// #region x-forwarded-for
const xff = (
  name: string,
  from: string,
  header: string,
  expectedIp: string,
): HostileCase => ({
  name: `X-Forwarded-For ${name}, from ${from === TRUSTED_PROXY ? "the trusted proxy" : "an untrusted peer"}`,
  class: "x-forwarded-for",
  expect: { welcomeIp: expectedIp },
  send: (c) =>
    c.welcome({ localAddress: from, headers: { "X-Forwarded-For": header } }),
});
const LONG_CHAIN = `${"10.9.8.7, ".repeat(1000)}203.0.113.66`; // ~10 KB
const forwardedFor: HostileCase[] = [
  xff("spoofed", UNTRUSTED_PEER, "203.0.113.66", UNTRUSTED_PEER),
  xff("spoofed", TRUSTED_PROXY, "203.0.113.66", "203.0.113.66"),
  xff(
    "with several hops",
    UNTRUSTED_PEER,
    "198.51.100.1, 203.0.113.66",
    UNTRUSTED_PEER,
  ),
  // Right to left: 127.0.0.2 is trusted, 203.0.113.66 is the first that is not.
  xff(
    "with several hops",
    TRUSTED_PROXY,
    "198.51.100.1, 203.0.113.66, 127.0.0.2",
    "203.0.113.66",
  ),
  // Not an address: the nearest hop that is one, the proxy (client-ip.ts).
  xff(
    "of garbage",
    TRUSTED_PROXY,
    "not-an-ip, <script>alert(1)</script>",
    TRUSTED_PROXY,
  ),
  xff(
    "of garbage",
    UNTRUSTED_PEER,
    "not-an-ip, <script>alert(1)</script>",
    UNTRUSTED_PEER,
  ),
  xff("empty", TRUSTED_PROXY, "", TRUSTED_PROXY),
  xff("IPv6", TRUSTED_PROXY, "2001:db8::1", "2001:db8::1"),
  xff("IPv4-mapped IPv6", TRUSTED_PROXY, "::ffff:203.0.113.9", "203.0.113.9"),
  xff("10 KB long", TRUSTED_PROXY, LONG_CHAIN, "203.0.113.66"),
  xff("10 KB long", UNTRUSTED_PEER, LONG_CHAIN, UNTRUSTED_PEER),
  {
    name: `X-Forwarded-For from ${TRUSTED_PROXY} on an app started without TRUST_PROXY`,
    class: "x-forwarded-for",
    expect: { welcomeIp: TRUSTED_PROXY },
    async send(c) {
      const untrusting = await c.spawn({});
      try {
        const client = await c.target.driver.connect(untrusting, {
          localAddress: TRUSTED_PROXY,
          headers: { "X-Forwarded-For": "203.0.113.66" },
        });
        await client.close();
        return { welcomeIp: client.welcome.ip };
      } finally {
        await untrusting.stop();
      }
    },
  },
];
// #endregion x-forwarded-for

// #region frames
const frames: HostileCase[] = [
  {
    name: "an unmasked client frame",
    class: "frames",
    expect: { close: 1002 },
    send: (c) => c.frames(text("hi", { masked: false })),
  },
  {
    name: "RSV1 set (no extension negotiated)",
    class: "frames",
    expect: { close: 1002 },
    send: (c) => c.frames(text("hi", { rsv: 4 })),
  },
  {
    name: "RSV2 and RSV3 set",
    class: "frames",
    expect: { close: 1002 },
    send: (c) => c.frames(text("hi", { rsv: 3 })),
  },
  ...[0x3, 0xb].map((opcode): HostileCase => ({
    name: `reserved opcode 0x${opcode.toString(16)}`,
    class: "frames",
    expect: { close: 1002 },
    send: (c) => c.frames(frame({ opcode, payload: "hi" })),
  })),
  {
    name: "a fragmented control frame (ping without FIN)",
    class: "frames",
    expect: { close: 1002 },
    send: (c) =>
      c.frames(frame({ opcode: OPCODE.ping, payload: "hi", fin: false })),
  },
  {
    name: "a 126-byte ping",
    class: "frames",
    expect: { close: 1002 },
    send: (c) =>
      c.frames(frame({ opcode: OPCODE.ping, payload: Buffer.alloc(126) })),
  },
  {
    name: "a continuation frame with nothing to continue",
    class: "frames",
    expect: { close: 1002 },
    send: (c) =>
      c.frames(frame({ opcode: OPCODE.continuation, payload: "hi" })),
  },
  {
    name: "invalid UTF-8 in a text frame",
    class: "frames",
    expect: { close: 1007 },
    send: (c) => c.frames(text(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))),
  },
  {
    name: "close code 999",
    class: "frames",
    expect: { close: 1002 },
    send: (c) =>
      c.frames(frame({ opcode: OPCODE.close, payload: closePayload(999) })),
  },
  {
    name: "a message one byte over MAX_PAYLOAD_BYTES",
    class: "frames",
    expect: { close: 1009 },
    send: (c) => c.frames(text("x".repeat(MAX_PAYLOAD_BYTES + 1))),
  },
  {
    name: "fragments that add up past MAX_PAYLOAD_BYTES",
    class: "frames",
    expect: { close: 1009 },
    send: (c) =>
      c.frames(
        text("x".repeat(MAX_PAYLOAD_BYTES / 2), { fin: false }),
        frame({
          opcode: OPCODE.continuation,
          payload: "x".repeat(MAX_PAYLOAD_BYTES / 2),
          fin: false,
        }),
        frame({ opcode: OPCODE.continuation, payload: "x" }),
      ),
  },
  {
    name: "a frame header announcing 10 MB, no body",
    class: "frames",
    expect: { close: 1009 },
    send: (c) =>
      c.frames(
        frame({ opcode: OPCODE.binary, announcedLength: 10 * 1024 * 1024 }),
      ),
  },
  {
    name: "16 385 empty continuation frames",
    class: "frames",
    expect: { close: 1008 },
    note: "ws 8.18+ caps a message at 16 384 fragments (maxFragments)",
    send: (c) =>
      c.frames(
        text("", { fin: false }),
        Buffer.concat(
          Array.from({ length: 16_385 }, () =>
            frame({ opcode: OPCODE.continuation, fin: false }),
          ),
        ),
      ),
  },
  {
    name: "2000 pings at once",
    class: "frames",
    expect: "cut",
    note: "ws 8.23 cuts a peer with more than maxPendingAutoPongs (60) pongs not yet written: terminate(), no close frame",
    send: (c) =>
      c.frames(
        Buffer.concat(
          Array.from({ length: 2000 }, () =>
            frame({ opcode: OPCODE.ping, payload: "flood" }),
          ),
        ),
      ),
  },
  {
    name: "2000 pings, 50 at a time: every pong comes",
    class: "frames",
    expect: "served",
    async send(c) {
      const session = await c.target.openSession(c.app.port);
      try {
        const fifty = Buffer.concat(
          Array.from({ length: 50 }, () =>
            frame({ opcode: OPCODE.ping, payload: "flood" }),
          ),
        );
        for (let sent = 50; sent <= 2000; sent += 50) {
          session.write(fifty);
          const answered = await session.until(
            () => session.pongs.length >= sent || session.isClosed,
            2000,
          );
          if (!answered || session.isClosed)
            return {
              answer: `${session.pongs.length} pongs for ${sent} pings`,
            };
        }
        return "served";
      } finally {
        await session.close();
      }
    },
  },
];
// #endregion frames

// #region messages
/**
 * The events a client sends on the lesson-1 connection, and what the app
 * does with a payload it cannot use. A lesson that adds an event adds it
 * here, and every bad payload below is sent as that event too.
 */
export const CLIENT_EVENTS: ReadonlyArray<{
  readonly event: string;
  readonly badPayload: Expected;
}> = [{ event: "reply", badPayload: "ignored" }];

/** Payloads no event accepts as they are. */
const BAD_PAYLOADS: ReadonlyArray<readonly [name: string, json: string]> = [
  ["of the wrong shape", '{"seq":"1","text":2}'],
  ["that is null", "null"],
  [
    "with __proto__ keys",
    '{"__proto__":{"polluted":true},"seq":1,"text":"x","constructor":{"prototype":{"polluted":true}}}',
  ],
  ["nested 5000 deep", nested(5000)],
  [
    "whose text is 30 KB of quotes (escaped, the log line doubles)",
    JSON.stringify({ seq: 1, text: '"'.repeat(30_000) }),
  ],
  [
    "whose text is control characters",
    JSON.stringify({ seq: 1, text: "\u0001\u001b[2J\r\n".repeat(200) }),
  ],
];

const messages: HostileCase[] = [
  ...CLIENT_EVENTS.flatMap(({ event, badPayload }) =>
    BAD_PAYLOADS.map(([name, json]): HostileCase => ({
      name: `a ${event} ${name}`,
      class: "messages",
      expect: badPayload,
      send: (c) => c.event(event, json),
    })),
  ),
  {
    name: "a binary message",
    class: "messages",
    apps: WS_ONLY,
    expect: "ignored",
    send: (c) =>
      c.frames(
        frame({ opcode: OPCODE.binary, payload: Buffer.from([1, 2, 3]) }),
      ),
  },
  ...[
    ["text that is not JSON", "hello"],
    ["JSON that is not an object", '"reply"'],
    ["an unknown event", '{"event":"nope","data":{}}'],
    [
      "an envelope with __proto__",
      '{"__proto__":{"event":"reply"},"event":"reply","data":{"__proto__":{"seq":1}}}',
    ],
    [
      "unbalanced nesting 5000 deep",
      `{"event":"reply","data":${"[".repeat(5000)}`,
    ],
    [
      "the envelope nested 5000 deep",
      `{"event":"reply","data":${nested(5000)}}`,
    ],
  ].map(([name, message]): HostileCase => ({
    name: `a message: ${name!}`,
    class: "messages",
    apps: WS_ONLY,
    expect: "ignored",
    send: (c) => c.texts(message!),
  })),
  {
    name: "a flood of 2000 messages: a summary line, not 2000 lines",
    class: "messages",
    expect: "ignored",
    maxLogLines: 30,
    send: (c) =>
      c.frames(
        Buffer.concat(
          Array.from({ length: 2000 }, (_, i) =>
            text(
              c.target.eventMessage(
                "reply",
                JSON.stringify({ seq: i, text: "flood" }),
              ),
            ),
          ),
        ),
      ),
  },
];
// #endregion messages

// #region rooms
/** Lesson 2's requests (docs/rooms/protocol.md): bad input gets an answer and never closes the connection. */
const ROOMS_EVENTS = ["join", "leave", "say", "typing"] as const;
const refusedWith = (code: string): Expected => ({
  answer: new RegExp(`"error":"${code}"`),
});
const joined = (room: string, name = "ann") =>
  ["join", JSON.stringify({ room, name })] as const;
const roomRows: HostileCase[] = [
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
// #endregion rooms

// #region packets
/** Socket.IO packets, each sent over both engine.io transports. */
const PACKETS: ReadonlyArray<{
  name: string;
  packet: string;
  expect: Expected;
  note?: string;
}> = [
  { name: "truncated: `4`", packet: "4", expect: "closed" },
  { name: "truncated: `42[`", packet: "42[", expect: "closed" },
  { name: "`4abc` (unknown Socket.IO type)", packet: "4abc", expect: "closed" },
  { name: "`42{}` (payload not an array)", packet: "42{}", expect: "closed" },
  {
    name: "event name not a string",
    packet: '42[{"toString":"foo"}]',
    expect: "closed",
  },
  { name: "unknown engine.io type `hello`", packet: "hello", expect: "closed" },
  {
    name: "CONNECT to an unknown namespace",
    packet: "40/nope,",
    expect: { answer: /^44\/nope,\{"message":"Invalid namespace"\}$/ },
  },
  {
    name: "binary attachment count 1e9",
    packet: '451000000000-["reply",{"_placeholder":true,"num":0}]',
    expect: "closed",
    note: "socket.io-parser refuses more than maxAttachments (10)",
  },
  {
    name: "a binary event whose attachment never comes",
    packet: '451-["reply",{"_placeholder":true,"num":0}]',
    expect: "closed",
    note: "the parser waits for the attachment; the next text packet (the probe) ends the session",
  },
  {
    name: "a second CONNECT to the main namespace",
    packet: "40",
    expect: "closed",
    note: "socket.io's Client.ondecoded: a CONNECT for a namespace already joined is an invalid state, and closes the connection",
  },
  {
    name: "an event for a namespace never joined",
    packet: '42/admin,["reply",{"seq":1,"text":"x"}]',
    expect: "closed",
    note: "socket.io's Client.ondecoded: invalid state, closes the connection",
  },
  {
    name: "deep nesting",
    packet: `42["reply",${nested(5000)}]`,
    expect: "ignored",
  },
  {
    name: "1000 arguments",
    packet: `42["reply"${',{"seq":1,"text":"x"}'.repeat(1000)}]`,
    expect: "ignored",
  },
  {
    name: "a huge ack id",
    packet: '4299999999999999999999999["reply",{"seq":1,"text":"x"}]',
    expect: "ignored",
  },
  {
    name: "an event named `error`",
    packet: '42["error","boom"]',
    expect: "ignored",
  },
  ...["connect", "disconnect", "disconnecting", "newListener"].map((name) => ({
    name: `the reserved event name \`${name}\``,
    packet: `42["${name}",{}]`,
    expect: "closed" as const,
    note: "socket.io-parser refuses reserved names as invalid payload",
  })),
];
const packets: HostileCase[] = PACKETS.flatMap(
  ({ name, packet, expect, note }) => [
    {
      name: `websocket: ${name}`,
      class: "packets" as const,
      apps: SIO_ONLY,
      expect,
      note,
      send: (c: CaseContext) => c.texts(packet),
    },
    {
      name: `polling: ${name}`,
      class: "packets" as const,
      apps: SIO_ONLY,
      expect,
      note,
      send: (c: CaseContext) => c.pollingPost(packet),
    },
  ],
);
const sid = (id: string) => pollingTarget(`&sid=${encodeURIComponent(id)}`);
packets.push(
  {
    name: "websocket: a binary frame outside a binary event",
    class: "packets",
    apps: SIO_ONLY,
    expect: "closed",
    send: (c) =>
      c.frames(
        frame({ opcode: OPCODE.binary, payload: Buffer.from([1, 2, 3]) }),
      ),
  },
  {
    name: "polling: 1500 events in one POST: a summary line, not 1500 lines",
    class: "packets",
    apps: SIO_ONLY,
    expect: "ignored",
    maxLogLines: 30,
    send: (c) =>
      c.pollingPost(
        Array.from(
          { length: 1500 },
          (_, i) => `42["reply",{"seq":${i},"text":"x"}]`,
        ).join(RECORD_SEPARATOR),
      ),
  },
  {
    name: "polling: a POST over MAX_PAYLOAD_BYTES",
    class: "packets",
    apps: SIO_ONLY,
    expect: { status: 413 },
    send: (c) =>
      c.pollingPost(
        `42["reply",{"seq":1,"text":"${"x".repeat(MAX_PAYLOAD_BYTES)}"}]`,
      ),
  },
  ...(["GET", "POST"] as const).map((method): HostileCase => ({
    name: `polling: ${method} with an unknown sid`,
    class: "packets",
    apps: SIO_ONLY,
    expect: { status: 400 },
    send: (c) =>
      c.polling(
        method,
        sid("AAAAAAAAAAAAAAAAAAAA"),
        method === "POST" ? "40" : undefined,
      ),
  })),
  {
    name: "polling: GET with a closed sid",
    class: "packets",
    apps: SIO_ONLY,
    expect: { status: 400 },
    async send(c) {
      const session = await c.pollingSession();
      await session.close();
      await session.poll(); // the close packet
      return c.polling("GET", sid(session.sid));
    },
  },
  {
    name: "polling: two GETs at once on one sid",
    class: "packets",
    apps: SIO_ONLY,
    expect: { status: 400 },
    note: "engine.io answers the overlapping poll (whichever came second) 400 and ends the session",
    async send(c) {
      const session = await c.pollingSession();
      const answers = await Promise.all([session.poll(), session.poll()]);
      await session.close();
      const overlap = answers.find(
        (a) => a.kind === "status" && a.status === 400,
      );
      return answerOutcome(overlap ?? answers[1]);
    },
  },
  ...(["GET", "POST"] as const).map((method): HostileCase => ({
    name: `polling: a live sid used from a foreign Origin (${method})`,
    class: "packets",
    apps: SIO_ONLY,
    expect: { status: 403 },
    async send(c) {
      const session = await c.pollingSession();
      try {
        const foreign = {
          headers: [["Origin", "https://evil.example"]] as HeaderLine[],
        };
        return answerOutcome(
          method === "GET"
            ? await session.poll(foreign)
            : await session.post('42["reply",{"seq":1,"text":"x"}]', foreign),
        );
      } finally {
        await session.close();
      }
    },
  })),
  {
    name: "websocket: upgrading a live sid from a foreign Origin",
    class: "packets",
    apps: SIO_ONLY,
    expect: { refused: "origin" },
    async send(c) {
      const session = await c.pollingSession();
      try {
        return await c.upgrade({
          target: `/socket.io/?EIO=4&transport=websocket&sid=${encodeURIComponent(session.sid)}`,
          headers: [["Origin", "https://evil.example"]],
        });
      } finally {
        await session.close();
      }
    },
  },
  ...[
    ["EIO=3", "/socket.io/?EIO=3&transport=polling"],
    ["EIO=5", "/socket.io/?EIO=5&transport=polling"],
    ["transport=__proto__", "/socket.io/?EIO=4&transport=__proto__"],
    ["transport=flashsocket", "/socket.io/?EIO=4&transport=flashsocket"],
  ].map(([name, path]): HostileCase => ({
    name: `polling handshake with ${name!}`,
    class: "packets",
    apps: SIO_ONLY,
    expect: { status: 400 },
    send: (c) => c.polling("GET", path!),
  })),
  ...[
    ["EIO=3", "/socket.io/?EIO=3&transport=websocket"],
    ["EIO=5", "/socket.io/?EIO=5&transport=websocket"],
  ].map(([name, path]): HostileCase => ({
    name: `websocket handshake with ${name!}`,
    class: "packets",
    apps: SIO_ONLY,
    expect: "cut",
    note: "engine.io checks EIO after ws has answered 101: it then writes its 400 onto the upgraded socket and destroys it (server.js handleUpgrade -> onWebSocket -> handshake -> abortUpgrade). No session, no open packet.",
    send: (c) => c.upgradeAndWatch(path!),
  })),
  {
    name: "websocket handshake with transport=polling",
    class: "packets",
    apps: SIO_ONLY,
    expect: { close: 1005 },
    note: "engine.io accepts the upgrade, then closes it: polling does not handle upgrades",
    send: (c) => c.upgradeAndWatch("/socket.io/?EIO=4&transport=polling"),
  },
  {
    name: "polling handshake by POST",
    class: "packets",
    apps: SIO_ONLY,
    expect: { status: 400 },
    send: (c) => c.polling("POST", pollingTarget(), "40"),
  },
);
// #endregion packets

// #region churn
const churn: HostileCase[] = [
  {
    name: "1000 connect/close cycles, 50 at a time",
    class: "churn",
    expect: "served",
    maxLogLines: 3 * 1000 + 10, // connect, upgraded, disconnect: each client's own lines
    note: "Socket.IO clients that leave before their upgrade finished keep an engine.io timer for 30 s: processTimers may take that long (capabilities.lingeringTimersMs)",
    timeoutMs: 80_000,
    async send(c) {
      const before = (await c.app.stats()).processTimers;
      for (let round = 0; round < 1000 / 50; round++) {
        const batch = await settleAll(
          Array.from({ length: 50 }, () => c.target.driver.connect(c.app)),
          (client) => client.close(),
        );
        await Promise.all(batch.map((client) => client.close()));
      }
      // processTimers back near where it was (allowing the few a fresh
      // request may still hold), once the library's lingering timers for
      // clients already gone have run out.
      let after = 0;
      const settled = await eventually(async () => {
        after = (await c.app.stats()).processTimers;
        return after <= before + 2;
      }, 5000 + c.target.capabilities.lingeringTimersMs);
      return settled
        ? "served"
        : { answer: `processTimers ${after}, was ${before}` };
    },
  },
  {
    name: "300 sessions cut at the TCP level right after the welcome",
    class: "churn",
    expect: "served",
    maxLogLines: 3 * 300 + 10,
    timeoutMs: 20_000,
    async send(c) {
      for (let round = 0; round < 300 / 50; round++) {
        const batch = await settleAll(
          Array.from({ length: 50 }, () => c.target.openSession(c.app.port)),
          (session) => session.destroy(),
        );
        batch.forEach((session) => session.destroy());
      }
      return "served";
    },
  },
];
// #endregion churn

// #region shutdown
const EXIT_PROMISE = { exit: 0, withinMs: 2000 } as const;
const shutdown: HostileCase[] = [
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
 * Promise.all that, when one fails, first ends every one that succeeded
 * (a failed row must leave no client behind for the next one), then throws.
 */
async function settleAll<T>(
  attempts: ReadonlyArray<Promise<T>>,
  end: (each: T) => unknown,
): Promise<T[]> {
  const settled = await Promise.allSettled(attempts);
  const failed = settled.find((s) => s.status === "rejected");
  if (!failed)
    return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
  await Promise.all(
    settled.map((s) => (s.status === "fulfilled" ? end(s.value) : undefined)),
  );
  throw failed.reason;
}

/** Checks `condition` every 25 ms until it holds (true) or `timeoutMs` passed (false). */
async function eventually(
  condition: () => Promise<boolean>,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (await condition()) return true;
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

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
// #endregion shutdown

/** Every row of the hostile-input table. */
export const HOSTILE_CASES: readonly HostileCase[] = [
  ...handshake,
  ...forwardedFor,
  ...frames,
  ...messages,
  ...roomRows,
  ...packets,
  ...churn,
  ...shutdown,
];

/** The rows that apply to one app. */
export function casesFor(app: AppName): HostileCase[] {
  return HOSTILE_CASES.filter((row) => (row.apps ?? BOTH).includes(app));
}

// Hostile rows, class "packets": Socket.IO and engine.io packets that are
// truncated, of unknown types, aimed at namespaces never joined or with
// reserved event names, each over both engine.io transports; then the
// long-polling requests and handshakes a browser never makes. Socket.IO
// only.
import { MAX_PAYLOAD_BYTES } from "../../contract-settings.js";
import { answerOutcome, type CaseContext } from "../context.js";
import { pollingTarget, RECORD_SEPARATOR } from "../engine-io.js";
import type { Expected } from "../outcome.js";
import type { HeaderLine } from "../raw-http.js";
import { buildFrame as frame, OPCODE } from "../raw-websocket.js";
import { nested } from "./inputs.js";
import { SIO_ONLY, type HostileCase } from "./row.js";

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
export const packets: HostileCase[] = PACKETS.flatMap(
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

// Hostile rows, class "handshake": the HTTP request and WebSocket upgrade
// before any message (missing or wrong handshake headers, wrong paths,
// foreign or odd Origins, DNS rebinding by Host, oversized and too many
// headers, requests held half-open). Each must be refused cleanly, with
// a short log line, while a fresh client is still served.
import { pollingTarget } from "../engine-io.js";
import type { CaseContext } from "../context.js";
import {
  holdHalfOpen,
  hostHeader,
  upgradeHeaders,
  type HeaderLine,
} from "../raw-http.js";
import { SIO_ONLY, type HostileCase } from "./row.js";

const own = (c: CaseContext) => `http://127.0.0.1:${c.app.port}`;
const evilHost = (c: CaseContext) => `evil.example:${c.app.port}`;
const manyHeaders = (n: number): HeaderLine[] =>
  Array.from({ length: n }, () => ["x", "1"] as const);

export const handshake: HostileCase[] = [
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

import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import { encodeEnvelope, fromWs, type Connection } from "../../src/index.js";
import {
  describeConnectionContract,
  type ConnectionPair,
} from "../contract.js";
import { FakeWs, fakeUpgradeRequest } from "../fakes.js";

function decode(text: string) {
  const { event, data: payload } = JSON.parse(text) as {
    event: string;
    data: unknown;
  };
  return { event, payload };
}

describeConnectionContract(
  "ws adapter, fake socket",
  () => {
    const ws = new FakeWs();
    const server = fromWs(ws, fakeUpgradeRequest("127.0.0.1"));
    const pair: ConnectionPair = {
      server,
      get received() {
        return ws.sent.map(decode);
      },
      closeFromClient: () => ws.finish(1000, "bye"),
      dispose: () => Promise.resolve(),
    };
    return Promise.resolve(pair);
  },
  {
    expectedPeer: "127.0.0.1",
    clientCloseInfo: { code: 1000, reason: "bye" },
    terminateCloseInfo: { code: 1006, reason: "" },
    transportId: false,
  },
);

describeConnectionContract(
  "ws adapter, real ws on 127.0.0.1",
  async () => {
    const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await once(wss, "listening");
    const { port } = wss.address() as AddressInfo;
    const accepted = new Promise<Connection>((resolve) =>
      wss.once("connection", (ws, request) => resolve(fromWs(ws, request))),
    );
    const client = new WebSocket(`ws://127.0.0.1:${port}`);
    const received: Array<{ event: string; payload: unknown }> = [];
    // binaryType is "nodebuffer" by default: every message is one Buffer.
    client.on("message", (data: Buffer) =>
      received.push(decode(data.toString("utf8"))),
    );
    await once(client, "open");
    const server = await accepted;
    return {
      server,
      received,
      closeFromClient: () => client.close(1000, "bye"),
      dispose: async () => {
        client.terminate();
        await new Promise<void>((resolve) => wss.close(() => resolve()));
      },
    };
  },
  {
    expectedPeer: "127.0.0.1",
    clientCloseInfo: { code: 1000, reason: "bye" },
    terminateCloseInfo: { code: 1006, reason: "" },
    transportId: false,
  },
);

describe("fromWs", () => {
  it("maps the four readyStates", () => {
    const ws = new FakeWs();
    const connection = fromWs(ws, fakeUpgradeRequest());
    const seen = [0, 1, 2, 3].map((state) => {
      ws.readyState = state;
      return connection.state();
    });
    expect(seen).toEqual(["connecting", "open", "closing", "closed"]);
  });

  it("frames events as a small JSON envelope by default", () => {
    expect(encodeEnvelope("news", "hi")).toBe('{"event":"news","data":"hi"}');
  });

  it("takes another encoder", () => {
    const ws = new FakeWs();
    fromWs(
      ws,
      fakeUpgradeRequest(),
      (event, payload) => `${event}:${String(payload)}`,
    ).send("news", 7);
    expect(ws.sent).toEqual(["news:7"]);
  });

  it("reports the buffered bytes of a slow consumer", () => {
    const ws = new FakeWs();
    ws.bufferedAmount = 1234;
    expect(fromWs(ws, fakeUpgradeRequest()).bufferedBytes()).toBe(1234);
  });
});

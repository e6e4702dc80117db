import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { Server, type Socket } from "socket.io";
import { io as connect, type Socket as ClientSocket } from "socket.io-client";
import { fromSocketIo, type Connection } from "../../src/index.js";
import { describeConnectionContract } from "../contract.js";
import { FakeSocketIoSocket } from "../fakes.js";

describeConnectionContract(
  "Socket.IO adapter, fake socket",
  () => {
    const socket = new FakeSocketIoSocket("fake-sid", "::ffff:127.0.0.1");
    return Promise.resolve({
      server: fromSocketIo(socket),
      get received() {
        return socket.sent.map(({ event, args }) => ({
          event,
          payload: args[0],
        }));
      },
      closeFromClient: () => socket.finish("client namespace disconnect"),
      dispose: () => Promise.resolve(),
    });
  },
  {
    expectedPeer: "127.0.0.1",
    clientCloseInfo: { reason: "client namespace disconnect" },
    terminateCloseInfo: { reason: "server namespace disconnect" },
    transportId: true,
  },
);

for (const transports of [["websocket"], ["polling", "websocket"]] as const) {
  describeConnectionContract(
    `Socket.IO adapter, real socket.io on 127.0.0.1 (transports: ${transports.join(", ")})`,
    async () => {
      const httpServer = createServer();
      const io = new Server(httpServer, { path: "/socket.io" });
      httpServer.listen(0, "127.0.0.1");
      await once(httpServer, "listening");
      const { port } = httpServer.address() as AddressInfo;
      const accepted = new Promise<Connection>((resolve) =>
        io.once("connection", (socket: Socket) =>
          resolve(fromSocketIo(socket)),
        ),
      );
      const client: ClientSocket = connect(`http://127.0.0.1:${port}`, {
        path: "/socket.io",
        transports: [...transports],
        reconnection: false,
      });
      const received: Array<{ event: string; payload: unknown }> = [];
      client.onAny((event: string, payload: unknown) =>
        received.push({ event, payload }),
      );
      const server = await accepted;
      return {
        server,
        received,
        closeFromClient: () => client.disconnect(),
        dispose: async () => {
          client.disconnect();
          await io.close(); // closes the HTTP server too
        },
      };
    },
    {
      expectedPeer: "127.0.0.1",
      // The client sends DISCONNECT and closes its transport at once; the
      // server may see either first (or, on a busy machine, the socket's
      // reset). Each is a client-side end.
      clientCloseInfo: {
        reason: expect.stringMatching(
          /^(client namespace disconnect|transport close|transport error)$/,
        ) as string,
      },
      terminateCloseInfo: { reason: "server namespace disconnect" },
      transportId: true,
    },
  );
}

describe("fromSocketIo", () => {
  it("has no CONNECTING or CLOSING: open, then closed", () => {
    const socket = new FakeSocketIoSocket();
    const connection = fromSocketIo(socket);
    expect(connection.state()).toBe("open");
    socket.connected = false;
    expect(connection.state()).toBe("closed");
  });

  it("reads the handshake's address and X-Forwarded-For", () => {
    const socket = new FakeSocketIoSocket("id", "::1", {
      "x-forwarded-for": "198.51.100.7",
      "user-agent": "test",
    });
    const connection = fromSocketIo(socket);
    expect(connection.remoteAddress).toBe("::1");
    expect(connection.forwardedFor).toBe("198.51.100.7");
  });
});

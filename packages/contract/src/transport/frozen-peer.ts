import { connect, type Socket } from "node:net";

/**
 * A WebSocket client whose machine froze: it completes the handshake on
 * `path`, then reads and never answers, not even a close frame. Written on
 * a bare TCP socket, because every WebSocket library answers by itself.
 */
export async function frozenPeer(port: number, path: string): Promise<Socket> {
  const socket = connect(port, "127.0.0.1");
  socket.write(
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
      "Upgrade: websocket\r\nConnection: Upgrade\r\n" +
      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n" +
      "Sec-WebSocket-Version: 13\r\n\r\n",
  );
  const answer = await new Promise<string>((resolve, reject) => {
    socket.once("data", (chunk: Buffer) => resolve(chunk.toString("latin1")));
    socket.once("error", reject);
  });
  if (!answer.startsWith("HTTP/1.1 101 ")) {
    socket.destroy();
    throw new Error(
      `expected a 101 on ${path}, got: ${answer.split("\r\n")[0]}`,
    );
  }
  socket.on("data", () => {}); // read everything, answer nothing
  socket.on("error", () => {}); // and a reset at shutdown is expected
  return socket;
}

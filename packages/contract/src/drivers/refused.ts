import { WebSocket } from "ws";

/**
 * Tries a WebSocket handshake that should be refused and resolves with
 * the HTTP status of the refusal; rejects if the server accepts it.
 */
export function refusedUpgradeStatus(
  url: string,
  origin: string | undefined,
): Promise<number> {
  const ws = new WebSocket(url, { origin });
  return new Promise((resolve, reject) => {
    ws.on("unexpected-response", (_request, response) => {
      resolve(response.statusCode ?? 0);
      ws.terminate();
    });
    ws.on("error", () => {});
    ws.on("open", () => {
      reject(new Error("the handshake was accepted"));
      ws.terminate();
    });
  });
}

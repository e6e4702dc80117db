// A small real example for the docs: a ws client that prints its
// readyState at every event, in ws's own constants. docs/test runs it
// against a real server, so the page's table is what ws does.
import { WebSocket } from "ws";

// #region ready-states
// The four states, with ws's constants (the same numbers a browser uses):
//   WebSocket.CONNECTING = 0  created; the HTTP upgrade is under way. send() throws.
//   WebSocket.OPEN       = 1  'open' has fired. The only state in which send() works.
//   WebSocket.CLOSING    = 2  close() was called, a close frame arrived, or the
//                             connection failed. send() drops the data.
//   WebSocket.CLOSED     = 3  'close' has fired; the TCP connection is gone.
// A state never goes back: to reconnect, create a new WebSocket.
const NAMES = {
  [WebSocket.CONNECTING]: "CONNECTING",
  [WebSocket.OPEN]: "OPEN",
  [WebSocket.CLOSING]: "CLOSING",
  [WebSocket.CLOSED]: "CLOSED",
} as const;

export function watchStates(url: string): Promise<string[]> {
  const seen: string[] = [];
  const note = (ws: WebSocket) =>
    seen.push(`${ws.readyState} ${NAMES[ws.readyState]}`);
  const ws = new WebSocket(url);
  note(ws); // 0 CONNECTING
  ws.on("open", () => {
    note(ws); // 1 OPEN
    ws.close(1000, "done");
    note(ws); // 2 CLOSING: our close frame is sent, the answer is not in yet
  });
  ws.on("error", () => note(ws)); // a failed handshake: 2 CLOSING, then...
  return new Promise((resolve) => {
    ws.on("close", () => {
      note(ws); // 3 CLOSED
      resolve(seen);
    });
  });
}
// #endregion ready-states

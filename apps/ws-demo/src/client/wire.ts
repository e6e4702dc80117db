// What the wire panel shows on ws: the page's own text frames. The page
// sees a frame when its "message" event fires and when it calls send(),
// so both are tapped here; the panel draws them (packages/demo-kit/browser).
// Pings and pongs are control frames: the browser answers them itself and
// never hands them to JavaScript, so no page can show them.
import { showFrame } from "/assets/kit/wire-panel.js";

/** Shows every frame this WebSocket receives and sends on the wire panel. */
export function showFramesOf(ws: WebSocket): void {
  // Added before the page's own listener, so a frame shows before its answer.
  ws.addEventListener("message", (event: MessageEvent<unknown>) =>
    showFrame("in", event.data),
  );
  const send = ws.send.bind(ws);
  ws.send = (data) => {
    send(data); // throws in CONNECTING: then nothing went out to show
    showFrame("out", data);
  };
}

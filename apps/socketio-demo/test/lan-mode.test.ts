// LAN mode on every route of socketio-demo: a page opened by the laptop's
// IP address is served, a rebound name is not; Socket.IO's own routes
// (its client script, the polling handshake, a WebSocket) included.
import { describeLanMode } from "@repo/demo-kit/testing";
import { SOCKET_PATH } from "../src/protocol.js";
import { serve } from "./serve.js";

describeLanMode("socketio-demo", (env) => serve(env), {
  pages: [
    "/",
    "/stats",
    "/rooms",
    "/assets/style.css",
    "/assets/client/main.js",
    "/assets/client/rooms.js",
    "/assets/client/wire.js",
    "/assets/kit/wire-panel.js",
    "/assets/rooms/browser/chat-view.js",
    "/assets/rooms/src/schema.js",
    `${SOCKET_PATH}/socket.io.js`,
    `${SOCKET_PATH}/?EIO=4&transport=polling`,
  ],
  webSockets: [`${SOCKET_PATH}/?EIO=4&transport=websocket`],
  refusedUpgradeStatus: 400,
});

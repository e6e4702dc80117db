// LAN mode on every route of ws-demo: a page opened by the laptop's IP
// address is served, a rebound name is not.
import { describeLanMode } from "@repo/demo-kit/testing";
import { ROOMS_WS_PATH, WS_PATH } from "../src/protocol.js";
import { serve } from "./serve.js";

describeLanMode("ws-demo", (env) => serve(env), {
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
  ],
  webSockets: [WS_PATH, ROOMS_WS_PATH],
  refusedUpgradeStatus: 403,
});

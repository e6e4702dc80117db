// Provided: starts the exercise's server with your push.ts handling /ws.
// Run it alone with `npx tsx server.ts` in this folder (port 8003), or let
// `npm run verify -- ws-server-push` start and check it.
import { runWsExercise } from "../../kit/ws-server.js";
import { onConnection } from "./push.js";

runWsExercise("ws-server-push", "/ws", (settings) => ({
  onConnection: (ws, request) => onConnection(ws, request, settings),
}));

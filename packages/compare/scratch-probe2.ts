import { socketIoTarget, wsTarget } from "./src/hostile/targets.js";
import { openEngineWebSocket, openPolling, RECORD_SEPARATOR } from "./src/hostile/engine-io.js";
import { exchange, hostHeader, upgradeHeaders } from "./src/hostile/raw-http.js";
import { describeAnswer } from "./src/hostile/engine-io.js";
const app = await socketIoTarget.driver.start({ HEARTBEAT_MS: "500" });
const ws = await openEngineWebSocket(app.port);
ws.sendText("40");
await new Promise(r => setTimeout(r, 300));
console.log("after second 40:", ws.messages.map(m => m.payload.toString().slice(0, 60)), await app.stats());
for (let i = 0; i < 3; i++) ws.sendText("40");
await new Promise(r => setTimeout(r, 300));
console.log("after 3 more:", (await app.stats()).openConnections);
await ws.close();
await new Promise(r => setTimeout(r, 1500));
console.log("after close:", await app.stats());
// polling many packets in one POST
const s = await openPolling(app.port, { connect: true });
const body = Array.from({ length: 5000 }, (_, i) => `42["reply",{"seq":${i},"text":"x"}]`).join(RECORD_SEPARATOR);
console.log("body bytes", body.length, describeAnswer(await s.post(body)));
console.log("stats", await app.stats());
await s.close();
// upgrade with two Hosts
const p = app.port;
console.log("two hosts upgrade", describeAnswer(await exchange(p, { target: socketIoTarget.webSocketPath, headers: [hostHeader(p), ["Host", "evil.example"], ...upgradeHeaders()] })));
console.log(app.output.slice(-12).map(l => l.slice(0, 160)).join("\n"));
await app.stop();
const w = await wsTarget.driver.start({});
console.log("ws two hosts upgrade", describeAnswer(await exchange(w.port, { target: "/ws", headers: [hostHeader(w.port), ["Host", "evil.example"], ...upgradeHeaders()] })));
await w.stop();

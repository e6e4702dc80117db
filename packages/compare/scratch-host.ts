import { wsTarget, socketIoTarget } from "./src/hostile/targets.js";
import { exchange, hostHeader, upgradeHeaders } from "./src/hostile/raw-http.js";
import { describeAnswer } from "./src/hostile/engine-io.js";
for (const t of [wsTarget, socketIoTarget]) {
  const app = await t.driver.start({});
  const p = app.port;
  const show = (l: string, a: any) => console.log(t.app.padEnd(14), l.padEnd(44), describeAnswer(a).slice(0, 90));
  for (const host of ["", "[", `127.0.0.1:${p}@evil.example`, `localhost:${p}`, `LOCALHOST:${p}`, `[::1]:${p}`, "127.0.0.1", `127.0.0.1:${p}, evil.example`, "a".repeat(5000), `127.0.0.1.:${p}`, `evil.example`]) {
    show(`GET / Host ${JSON.stringify(host.slice(0, 30))}`, await exchange(p, { target: "/", headers: [["Host", host]] }));
  }
  show("two Hosts", await exchange(p, { target: "/", headers: [hostHeader(p), ["Host", "evil.example"]] }));
  show("upgrade Host localhost, Origin 127", await exchange(p, { target: t.webSocketPath, headers: [["Host", `localhost:${p}`], ["Origin", `http://127.0.0.1:${p}`], ...upgradeHeaders()] }));
  show("upgrade Origin other port", await exchange(p, { target: t.webSocketPath, headers: [hostHeader(p), ["Origin", `http://127.0.0.1:${p + 1}`], ...upgradeHeaders()] }));
  show("upgrade Origin with path", await exchange(p, { target: t.webSocketPath, headers: [hostHeader(p), ["Origin", `http://127.0.0.1:${p}/x`], ...upgradeHeaders()] }));
  show("HTTP/1.0 GET / no Host", await exchange(p, { target: "/", version: "HTTP/1.0", headers: [] }));
  show("HTTP/1.0 upgrade no Host", await exchange(p, { target: t.webSocketPath, version: "HTTP/1.0", headers: [...upgradeHeaders()] }));
  show("polling foreign Origin", await exchange(p, { target: "/socket.io/?EIO=4&transport=polling", headers: [hostHeader(p), ["Origin", "https://evil.example"]] }));
  show("GET /socket.io/socket.io.js evil host", await exchange(p, { target: "/socket.io/socket.io.js", headers: [["Host", `evil.example:${p}`]] }));
  show("OPTIONS polling evil origin", await exchange(p, { method: "OPTIONS", target: "/socket.io/?EIO=4&transport=polling", headers: [hostHeader(p), ["Origin", "https://evil.example"]] }));
  console.log(app.output.slice(1).map(l => l.length + " " + l.slice(0, 150)).join("\n"));
  await app.stop();
}

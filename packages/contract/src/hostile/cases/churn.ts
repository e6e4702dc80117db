// Hostile rows, class "churn": many clients that come and go, politely or
// cut at the TCP level. The app ends up back at its baseline of timers.
import { eventually, settleAll } from "./promises.js";
import type { HostileCase } from "./row.js";

export const churn: HostileCase[] = [
  {
    name: "1000 connect/close cycles, 50 at a time",
    class: "churn",
    expect: "served",
    maxLogLines: 3 * 1000 + 10, // connect, upgraded, disconnect: each client's own lines
    note: "Socket.IO clients that leave before their upgrade finished keep an engine.io timer for 30 s: processTimers may take that long (capabilities.lingeringTimersMs)",
    timeoutMs: 80_000,
    async send(c) {
      const before = (await c.app.stats()).processTimers;
      for (let round = 0; round < 1000 / 50; round++) {
        const batch = await settleAll(
          Array.from({ length: 50 }, () => c.target.driver.connect(c.app)),
          (client) => client.close(),
        );
        await Promise.all(batch.map((client) => client.close()));
      }
      // processTimers back near where it was (allowing the few a fresh
      // request may still hold), once the library's lingering timers for
      // clients already gone have run out.
      let after = 0;
      const settled = await eventually(async () => {
        after = (await c.app.stats()).processTimers;
        return after <= before + 2;
      }, 5000 + c.target.capabilities.lingeringTimersMs);
      return settled
        ? "served"
        : { answer: `processTimers ${after}, was ${before}` };
    },
  },
  {
    name: "300 sessions cut at the TCP level right after the welcome",
    class: "churn",
    expect: "served",
    maxLogLines: 3 * 300 + 10,
    timeoutMs: 20_000,
    async send(c) {
      for (let round = 0; round < 300 / 50; round++) {
        const batch = await settleAll(
          Array.from({ length: 50 }, () => c.target.openSession(c.app.port)),
          (session) => session.destroy(),
        );
        batch.forEach((session) => session.destroy());
      }
      return "served";
    },
  },
];

// src/workarounds/sticky-session-race.ts exists because @socket.io/sticky's
// setupWorker reports a new session to the primary without waiting for
// it: the handshake's answer can reach the client before the primary
// knows where the session lives. The first test checks that library
// behaviour, and fails once setupWorker holds the answer itself (then
// the workaround can go); the second checks the workaround.
import cluster from "node:cluster";
import { EventEmitter } from "node:events";
import type { IncomingMessage } from "node:http";
import { setupWorker } from "@socket.io/sticky";
import { afterEach, describe, expect, it, vi } from "vitest";
import { pinSessionsBeforeAnswering } from "../src/workarounds/sticky-session-race.js";

const request = {} as IncomingMessage;

describe("@socket.io/sticky's setupWorker", () => {
  const listenersBefore = process.listeners("message");
  afterEach(() => {
    for (const listener of process.listeners("message"))
      if (!listenersBefore.includes(listener)) process.off("message", listener);
    vi.restoreAllMocks();
  });

  it("names a session and answers without waiting for the primary (the workaround is still needed)", () => {
    vi.spyOn(cluster, "isWorker", "get").mockReturnValue(true);
    const sent: unknown[] = [];
    vi.spyOn(process, "send").mockImplementation((message: unknown) => {
      sent.push(message);
      return true;
    });
    const engine = Object.assign(new EventEmitter(), {
      generateId: () => "session-1",
    });
    const nameSession = engine.generateId;
    const httpServer = Object.assign(new EventEmitter(), {
      prependListener: () => httpServer,
    });
    setupWorker({ httpServer, engine } as unknown as Parameters<
      typeof setupWorker
    >[0]);

    // Nothing stands between naming the session and answering: the id
    // comes at once, and the primary has been told nothing yet.
    expect(engine.generateId).toBe(nameSession);
    expect(engine.generateId()).toBe("session-1");
    expect(sent).toEqual([]);
    // The report goes out with engine.io's `connection`, as the answer
    // goes out, and nothing waits for the primary to take it in.
    engine.emit(
      "connection",
      Object.assign(new EventEmitter(), { id: "session-1" }),
    );
    expect(sent).toEqual([{ type: "sticky:connection", data: "session-1" }]);
  });
});

describe("pinSessionsBeforeAnswering (the workaround)", () => {
  it("answers a handshake only once the primary has pinned its session", async () => {
    const primary = Object.assign(new EventEmitter(), {
      sent: [] as unknown[],
      send(message: unknown) {
        this.sent.push(message);
      },
    });
    const engine = {
      generateId: (_request: IncomingMessage): string | Promise<string> =>
        "session-2",
    };
    pinSessionsBeforeAnswering(engine, primary);

    let answered = false;
    const naming = Promise.resolve(engine.generateId(request)).then((sid) => {
      answered = true;
      return sid;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(primary.sent).toEqual([
      { type: "sticky:connection", data: "session-2" },
    ]);
    expect(answered, "no answer before the primary pinned the session").toBe(
      false,
    );
    primary.emit("message", { type: "demo:pinned", sid: "session-2" });
    expect(await naming).toBe("session-2");
  });
});

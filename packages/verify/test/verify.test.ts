// verify's command line itself, on no exercise's code: the list, and a
// name that does not exist. The exercises' runs are in verify.ws-demo and
// verify.socketio-demo (one per app, so that a change to one app reruns
// its own).
import { describe, expect, it } from "vitest";
import { verify } from "./verify-runs.js";

describe("verify's command line", () => {
  it("lists the exercises in workshop order", async () => {
    const run = await verify("--list");
    expect(run.code).toBe(0);
    expect(run.out).toMatch(
      /^The exercises, in workshop order:\n {2}ws-server-push +ws, steps 3 to 6.*\n {2}ws-browser-client .*\n {2}socketio-server-push .*\n {2}socketio-browser-client .*\n {2}ws-rooms .*\n {2}socketio-rooms .*\nStart one with: npm run verify <name>\./,
    );
  });

  it("names the exercises when asked for one that does not exist", async () => {
    const run = await verify("ws-push");
    expect(run.code).toBe(2);
    expect(run.out).toContain(
      'verify: there is no exercise "ws-push". The exercises: ws-server-push, ws-browser-client,',
    );
  });
});

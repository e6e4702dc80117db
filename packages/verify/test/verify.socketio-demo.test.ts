// verify on the Socket.IO exercises (their code imports socketio-demo's
// modules, so a change to socketio-demo reruns this file and not the ws
// one): every solution passes, every untouched start fails exactly what
// it should, the note's misspelt header fails with the sentence that
// names it, and the solution checked against socketio-demo's plain handler.
import { beforeAll, describe, expect, it } from "vitest";
import {
  describePageExercises,
  describeServerExercises,
  solutionWith,
} from "./exercise-checks.js";
import { describePlainChecks } from "./plain-checks.js";
import { failed, verify } from "./verify-runs.js";

describeServerExercises({
  "socketio-server-push": [
    "takes the right-most untrusted address behind a trusted proxy",
  ],
  "socketio-rooms": [
    "delivers a message to every member, the sender included, in one order",
    "tells the others of a join, and everyone of the presence",
    "answers a second join of the same room ok, with no second system message",
    "tells the others when a member leaves, and when one closes",
  ],
});

describePageExercises({
  "socketio-browser-client": [
    "connects to the server the page came from",
    "shows each push in the list",
    "answers each push with a reply the server receives",
    "reconnects by itself after a server restart",
  ],
});

describePlainChecks("socketio-server-push", "socketio-demo");

const misspeltCopy = () =>
  solutionWith("socketio-server-push", "forward-for", "push.ts", [
    ['req.headers["x-forwarded-for"]', 'req.headers["x-forward-for"]'],
  ]);

beforeAll(() => {
  void verify("socketio-server-push", "--dir", misspeltCopy());
});

describe("the note's bug, put into the solution, fails with the sentence that names it", () => {
  it("the misspelt X-Forward-For", async () => {
    const run = await verify("socketio-server-push", "--dir", misspeltCopy());
    expect(failed(run)).toEqual([
      "takes the right-most untrusted address behind a trusted proxy",
    ]);
    expect(run.out).toContain(
      "The note reads req.headers['x-forward-for']: the header is X-Forwarded-For",
    );
  });
});

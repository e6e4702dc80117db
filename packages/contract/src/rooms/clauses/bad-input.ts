// Lesson 2's clauses on bad input: each malformed or out-of-bounds request
// is refused with an error code and a message (or accepted, at the exact
// bound), and the connection stays open; what asked for no answer is
// refused as the transport can.
import { expect } from "vitest";
import { LIMITS } from "@repo/rooms";
import { waitFor } from "../../wait-for.js";
import { eventsOf, type RoomsClause } from "./context.js";

const BAD_INPUT = "bad input gets an answer and the connection stays open";
const longName = "n".repeat(LIMITS.maxNameLength);
const longText = "t".repeat(LIMITS.maxTextLength);

// Deeper nesting than 1000 overflows the test's own client libraries
// (JSON.stringify, socket.io-parser's hasBinary): the hostile-input
// suite sends those as raw frames.
const badInputs: ReadonlyArray<readonly [string, string, unknown, string]> = [
  [
    "a room of 32 characters",
    "join",
    { room: "r".repeat(32), name: "ann" },
    "ok",
  ],
  [
    "a room of 33 characters",
    "join",
    { room: "r".repeat(33), name: "ann" },
    "bad-request",
  ],
  [
    "a room in upper case",
    "join",
    { room: "Lobby", name: "ann" },
    "bad-request",
  ],
  [
    `a name of ${LIMITS.maxNameLength}`,
    "join",
    { room: "edges", name: longName },
    "ok",
  ],
  [
    `a name of ${LIMITS.maxNameLength + 1}`,
    "join",
    { room: "edges", name: `${longName}n` },
    "bad-request",
  ],
  [
    "a name with a control character",
    "join",
    { room: "edges", name: "a\u0007" },
    "bad-request",
  ],
  [
    "a name that is a number",
    "join",
    { room: "edges", name: 7 },
    "bad-request",
  ],
  [
    `a text of ${LIMITS.maxTextLength}`,
    "say",
    { room: "edges", text: longText },
    "ok",
  ],
  [
    `a text of ${LIMITS.maxTextLength + 1}`,
    "say",
    { room: "edges", text: `${longText}t` },
    "bad-request",
  ],
  ["a text of spaces", "say", { room: "edges", text: "   " }, "bad-request"],
  ["data that is not an object", "say", "edges", "bad-request"],
  [
    "data nested 1000 deep",
    "say",
    JSON.parse("[".repeat(1000) + "]".repeat(1000)) as unknown,
    "bad-request",
  ],
  [
    "a __proto__ key",
    "say",
    JSON.parse('{"__proto__":{"room":"edges"},"text":"x"}') as unknown,
    "bad-request",
  ],
  ["an unknown event", "dance", { room: "edges" }, "unknown-event"],
  ["the event `error`", "error", { room: "edges" }, "unknown-event"],
];

export const badInput: readonly RoomsClause[] = [
  ...badInputs.map(([what, event, data, wanted]): RoomsClause => ({
    id: `bad-input: ${what}`,
    group: BAD_INPUT,
    name: `${what}: ${event}`,
    expected:
      wanted === "ok"
        ? `${what} is accepted, and the connection stays open.`
        : `${what} is refused with ${wanted} and a message, and the connection stays open.`,
    async run({ member }) {
      const client = await member("edges", "edge");
      const answer = await client.request(event, data);
      if (wanted === "ok") expect(answer).toMatchObject({ ok: true });
      else
        expect(answer).toMatchObject({
          ok: false,
          error: wanted,
          message: expect.any(String) as string,
        });
      expect(
        await client.request("say", { room: "edges", text: "still open" }),
      ).toMatchObject({ ok: true });
    },
  })),
  {
    id: "refusal-without-answer",
    group: BAD_INPUT,
    name: "refuses what a client sent without asking for an answer, as the transport can",
    expected:
      "Garbage, or a refused request that asked for no answer, is refused (ws: an `error` event) and logged; the connection stays open.",
    async run({ app, driver, member, freshRoom }) {
      const client = await member(freshRoom(), "ann");
      driver.sendGarbage(client);
      client.send("say", { room: "not-joined", text: "x" });
      if (driver.capabilities.refusalWithoutAnswer === "error-event") {
        await waitFor(() =>
          expect(
            eventsOf(client, "error").map(
              (e) => (e as { error: string }).error,
            ),
          ).toEqual(["bad-request", "not-in-room"]),
        );
      }
      expect(
        await client.request("typing", { room: "not-joined" }),
      ).toMatchObject({ error: "not-in-room" });
      await waitFor(() =>
        expect(app.output.join("\n")).toMatch(/refused: not-in-room/),
      );
    },
  },
];

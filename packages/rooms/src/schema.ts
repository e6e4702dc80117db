// Lesson 2's wire contract (the docs' rooms protocol page), once, for both apps: each
// request's shape is a valibot schema, so the type the server code sees
// and the check its input passes are one thing and cannot drift apart.
import * as v from "valibot";
import { LIMITS } from "./limits.js";

/**
 * Why a request was refused: the closed set of the rooms protocol, plus lesson 3's
 * `unavailable` (the rooms' Redis cannot be reached, so nothing was sent).
 */
export type ErrorCode =
  | "bad-request"
  | "not-in-room"
  | "rate-limited"
  | "too-many-rooms"
  | "unknown-event"
  | "unavailable";

/** The answer to one request: ok with its fields, or a code and a sentence. */
export type Answer<T extends object = object> =
  | ({ readonly ok: true } & T)
  | {
      readonly ok: false;
      readonly error: ErrorCode;
      readonly message: string;
    };

/** A refusal, in the answer's shape. */
export function refusal(error: ErrorCode, message: string): Answer<never> {
  return { ok: false, error, message };
}

/**
 * The answer when the chat's backend failed a request: in lesson 3, its
 * Redis is away. Nothing was sent, so the client may try again.
 */
export function unavailable(): Answer<never> {
  return refusal(
    "unavailable",
    "the chat cannot reach its Redis right now; nothing was sent, try again in a moment",
  );
}

/** Code points, not UTF-16 units: an emoji is one character to a person. */
function codePoints(text: string): number {
  let count = 0;
  // for-of walks code points; stops early past any limit of ours.
  for (const _ of text) {
    count += 1;
    if (count > LIMITS.maxTextLength) break;
  }
  return count;
}

/** Trimmed text of min..max code points; the length is checked before any work. */
function trimmedText(what: string, max: number) {
  return v.pipe(
    v.string(`${what} must be a string`),
    // A bound on UTF-16 units first (4 per code point at most, with spaces
    // to trim): the checks after it never see a 64 KB string.
    v.maxLength(max * 4 + 64, `${what} must be at most ${max} characters`),
    v.trim(),
    v.check(
      (text) => codePoints(text) >= 1 && codePoints(text) <= max,
      `${what} must be 1 to ${max} characters (after trimming spaces)`,
    ),
  );
}

// #region schema
/** `lobby`, `room-2`: 1-32 of a-z, 0-9 and -, starting with a letter or digit. */
export const RoomName = v.pipe(
  v.string("room must be a string"),
  v.regex(
    /^[a-z0-9][a-z0-9-]{0,31}$/,
    "room must be 1 to 32 characters of a-z, 0-9 and -, starting with a letter or digit",
  ),
);

export const Name = v.pipe(
  trimmedText("name", LIMITS.maxNameLength),
  v.check(
    // eslint-disable-next-line no-control-regex -- control characters are what it refuses
    (name) => !/[\u0000-\u001f\u007f-\u009f]/.test(name),
    "name must not contain control characters",
  ),
);

export const Text = trimmedText("text", LIMITS.maxTextLength);

/** A message id the client saw last, echoed back as it was given. */
export const MessageId = v.pipe(
  v.string("after must be a message id (a string)"),
  v.maxLength(64, "after must be a message id"),
);

export const JoinRequest = v.object({
  room: RoomName,
  name: Name,
  after: v.optional(MessageId),
});
export const LeaveRequest = v.object({ room: RoomName });
export const SayRequest = v.object({ room: RoomName, text: Text });
export const TypingRequest = v.object({ room: RoomName });
// #endregion schema

export type JoinRequest = v.InferOutput<typeof JoinRequest>;
export type LeaveRequest = v.InferOutput<typeof LeaveRequest>;
export type SayRequest = v.InferOutput<typeof SayRequest>;
export type TypingRequest = v.InferOutput<typeof TypingRequest>;

/** Every request a client can make, by event name. */
export const requestSchemas = {
  join: JoinRequest,
  leave: LeaveRequest,
  say: SayRequest,
  typing: TypingRequest,
} as const;

export type RequestEvent = keyof typeof requestSchemas;

/** The request of each event, as the server sees it once checked. */
export interface Requests {
  join: JoinRequest;
  leave: LeaveRequest;
  say: SayRequest;
  typing: TypingRequest;
}

/** Whether `event` is one of the requests the contract knows. */
export function isRequestEvent(event: unknown): event is RequestEvent {
  return typeof event === "string" && Object.hasOwn(requestSchemas, event);
}

/**
 * Checks one request's data against its schema. Returns the checked value
 * (names and texts trimmed), or a `bad-request` answer whose message names
 * the first problem. Never throws; its work is bounded by the schema (no
 * walk of anything the schema does not name).
 */
export function parseRequest<E extends RequestEvent>(
  event: E,
  data: unknown,
):
  | { readonly ok: true; readonly value: Requests[E] }
  | { readonly ok: false; readonly answer: Answer<never> } {
  if (Array.isArray(data)) {
    return {
      ok: false,
      answer: refusal(
        "bad-request",
        `${event} needs an object: ${describeShape(event)}`,
      ),
    };
  }
  const result = v.safeParse(requestSchemas[event], data, {
    abortEarly: true,
  });
  if (result.success) {
    return { ok: true, value: result.output as Requests[E] };
  }
  const issue = result.issues[0];
  const key = issue.path?.at(-1)?.key;
  const message =
    issue.type === "object" && issue.path === undefined
      ? `${event} needs an object: ${describeShape(event)}`
      : issue.type === "object" && typeof key === "string"
        ? `${key} is missing`
        : issue.message;
  return { ok: false, answer: refusal("bad-request", message) };
}

function describeShape(event: RequestEvent): string {
  switch (event) {
    case "join":
      return "{room, name, after?}";
    case "say":
      return "{room, text}";
    default:
      return "{room}";
  }
}

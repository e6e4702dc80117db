// Schema and answers
export {
  isRequestEvent,
  JoinRequest,
  LeaveRequest,
  MessageId,
  Name,
  parseRequest,
  refusal,
  requestSchemas,
  RoomName,
  SayRequest,
  Text,
  TypingRequest,
  type Answer,
  type ErrorCode,
  type RequestEvent,
  type Requests,
} from "./schema.js";
export type {
  ChatMessage,
  ErrorEvent,
  JoinAnswer,
  PresenceEvent,
  RoomsServerEvents,
  SayAnswer,
  SystemEvent,
  TypingEvent,
} from "./events.js";
export { LIMITS } from "./limits.js";

// What both servers need that is not the lesson
export { TokenBucket } from "./token-bucket.js";
export { RoomHistory, type CatchUp } from "./history.js";

/** The folder of the chat page's shared view (compiled), for express.static. */
export const browserAssetsDir = new URL(
  "../dist/browser/browser/",
  import.meta.url,
).pathname;

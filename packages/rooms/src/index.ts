import { fileURLToPath } from "node:url";

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
  unavailable,
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
export {
  ADDRESS_BUCKETS,
  addressKey,
  ConnectionBudget,
  FLOOD_CLOSE_REASON,
  FloodGuard,
  type AddressBucket,
  type SharedAddressBudgets,
  type Verdict,
} from "./flood-guard.js";
export { RoomHistory, type CatchUp } from "./history.js";
export { MemoryMessageLog, type MessageLog } from "./message-log.js";
export { compareMessageIds } from "./message-id.js";

/**
 * The folder of the chat page's shared view (compiled), for express.static:
 * the view is at browser/chat-view.js, next to the src/ modules it uses.
 */
export const browserAssetsDir = fileURLToPath(
  new URL("../dist/browser/", import.meta.url),
);

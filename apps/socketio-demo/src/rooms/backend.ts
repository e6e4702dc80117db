// Where socketio-demo's rooms live. Lesson 2: this process (Socket.IO's
// in-memory adapter, the history in memory). Lesson 3 (REDIS_URL): the
// official Redis streams adapter, a history in Redis and presence across
// processes (../scale/). The chat (chat.ts) is the same code for both.
import { SessionAwareAdapter, type Adapter } from "socket.io-adapter";
import type { Namespace } from "socket.io";
import {
  MemoryMessageLog,
  type MessageLog,
  type SharedAddressBudgets,
} from "@repo/rooms";
import type { ChatView, Presence } from "./namespace.js";

// #region backend
export interface RoomsBackend {
  /** The rooms namespace's adapter: who is where, and broadcasts. */
  readonly adapter: (namespace: Namespace) => Adapter;
  /** The rooms' history; `hasMembers` tells a memory log what it may forget. */
  readonly messageLog: (hasMembers: (room: string) => boolean) => MessageLog;
  /** False while the rooms cannot reach every process (Redis away). */
  readonly reachable: () => boolean;
  /**
   * Lesson 3: the client addresses' budgets, counted by every process
   * together (see the chat's middleware). Lesson 2: none, this process counts.
   */
  readonly addressBudgets?: SharedAddressBudgets;
  /**
   * Lesson 3: how a room's presence reaches the members on every process
   * (../scale/presence.ts). Lesson 2: none, the chat sends it itself.
   */
  readonly presence?: (chat: ChatView) => Presence;
  close(): Promise<void>;
}
// #endregion backend

// #region memory-backend
/** Lesson 2's backend: one process. */
export function createMemoryBackend(): RoomsBackend {
  return {
    // Keeps sessions for connection state recovery (the plain Adapter does not).
    adapter: (namespace) => new SessionAwareAdapter(namespace),
    messageLog: (hasMembers) => new MemoryMessageLog(hasMembers),
    reachable: () => true,
    close: () => Promise.resolve(),
  };
}
// #endregion memory-backend

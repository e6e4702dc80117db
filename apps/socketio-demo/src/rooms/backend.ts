// Where socketio-demo's rooms live. Lesson 2: this process (Socket.IO's
// in-memory adapter, the history in memory). Lesson 3 (REDIS_URL): the
// official Redis streams adapter and a history in Redis (redis.ts). The
// chat (chat.ts) is the same code for both.
import { SessionAwareAdapter, type Adapter } from "socket.io-adapter";
import type { Namespace } from "socket.io";
import {
  MemoryMessageLog,
  type MessageLog,
  type SharedAddressBudgets,
} from "@repo/rooms";

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
  /** Whether other processes share these rooms (lesson 3). */
  readonly shared: boolean;
  /** Another process was heard from: count the processes again. */
  readonly peerHeard: () => void;
  /** Called when the number of processes went down (set by the chat). */
  onProcessGone: () => void;
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
    shared: false,
    peerHeard: () => {},
    onProcessGone: () => {},
    close: () => Promise.resolve(),
  };
}
// #endregion memory-backend

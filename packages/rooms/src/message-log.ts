import { RoomHistory, type CatchUp, type ChatMessage } from "./history.js";

/**
 * Where a chat keeps its rooms' last messages: what `say` appends to and
 * what `join` (with or without `after`) reads. One process keeps them in
 * memory; lesson 3's processes share them in Redis (see `redis.ts`). The
 * chat code is the same for both: only the object behind this changes.
 */
export interface MessageLog {
  /** Stores a message said now; resolves with its id and time. */
  append(room: string, name: string, text: string): Promise<ChatMessage>;
  /** The messages after `after` (or the last ones), and whether that is all. */
  since(room: string, after?: string): Promise<CatchUp>;
}

/** The one-process log: lesson 2's RoomHistory behind the shared interface. */
export class MemoryMessageLog implements MessageLog {
  private readonly history: RoomHistory;

  constructor(hasMembers: (room: string) => boolean) {
    this.history = new RoomHistory(hasMembers);
  }

  append(room: string, name: string, text: string): Promise<ChatMessage> {
    return Promise.resolve(this.history.append(room, name, text));
  }

  since(room: string, after?: string): Promise<CatchUp> {
    return Promise.resolve(this.history.since(room, after));
  }

  /** Rooms kept now (for tests). */
  get size(): number {
    return this.history.size;
  }
}

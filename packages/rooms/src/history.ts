import { LIMITS } from "./limits.js";

/** One chat message, as every member receives it. */
export interface ChatMessage {
  readonly room: string;
  /** Unique within the room and ordered by the server; clients echo it in `after`. */
  readonly id: string;
  readonly name: string;
  readonly text: string;
  /** Server time, epoch ms. */
  readonly at: number;
}

/** What a `join` gets back of a room's past. */
export interface CatchUp {
  /** Oldest first, at most LIMITS.historyPerRoom. */
  readonly history: readonly ChatMessage[];
  /** False when messages after `after` were already dropped: the client missed some. */
  readonly complete: boolean;
}

interface RoomRecord {
  readonly messages: ChatMessage[];
  /**
   * Every id up to this one may have been dropped from this room (or were
   * said before it was created, or in an earlier life of it).
   */
  droppedUpTo: number;
}

/**
 * The last messages of every room, in memory: what catch-up after a
 * reconnect reads. An id is `<start>-<n>`: the time this history was
 * created, then one counter for all its rooms. So ids order messages, an
 * id from before a room was forgotten is known to be from before, and an
 * id from before a server restart is known to be from another life.
 */
export class RoomHistory {
  private readonly rooms = new Map<string, RoomRecord>();
  private readonly life = String(Date.now());
  private lastId = 0;

  constructor(
    /** Whether a room has members now: rooms with members are never forgotten. */
    private readonly hasMembers: (room: string) => boolean,
    private readonly limits: { perRoom: number; maxRooms: number } = {
      perRoom: LIMITS.historyPerRoom,
      maxRooms: LIMITS.maxRooms,
    },
  ) {}

  /** Stores a message said now, and returns it with its id and time. */
  append(
    room: string,
    name: string,
    text: string,
    at = Date.now(),
  ): ChatMessage {
    const record = this.record(room);
    this.lastId += 1;
    const message: ChatMessage = {
      room,
      id: `${this.life}-${this.lastId}`,
      name,
      text,
      at,
    };
    record.messages.push(message);
    if (record.messages.length > this.limits.perRoom) {
      const dropped = record.messages.shift()!;
      record.droppedUpTo = this.counterOf(dropped.id)!;
    }
    return message;
  }

  /**
   * The messages after `after` (or the last ones, without it), and
   * whether that is all of them. An `after` that is not an id of ours
   * counts as "from before everything kept".
   */
  since(room: string, after?: string): CatchUp {
    const record = this.record(room);
    const { messages } = record;
    if (after === undefined) return { history: [...messages], complete: true };
    const seen = this.counterOf(after);
    // Not an id of this life: all we keep is new to the client, and what
    // it missed in between is beyond us.
    if (seen === undefined) return { history: [...messages], complete: false };
    const history = messages.filter(
      (message) => this.counterOf(message.id)! > seen,
    );
    return { history, complete: seen >= record.droppedUpTo };
  }

  private counterOf(id: string): number | undefined {
    const dash = id.indexOf("-");
    if (dash === -1 || id.slice(0, dash) !== this.life) return undefined;
    const counter = id.slice(dash + 1);
    return /^\d{1,15}$/.test(counter) ? Number(counter) : undefined;
  }

  /** Rooms kept now (for /stats and tests). */
  get size(): number {
    return this.rooms.size;
  }

  private record(room: string): RoomRecord {
    let record = this.rooms.get(room);
    if (record) {
      // Map order is the LRU order: used now, so last.
      this.rooms.delete(room);
      this.rooms.set(room, record);
      return record;
    }
    this.forgetIfFull();
    record = { messages: [], droppedUpTo: this.lastId };
    this.rooms.set(room, record);
    return record;
  }

  private forgetIfFull(): void {
    if (this.rooms.size < this.limits.maxRooms) return;
    for (const room of this.rooms.keys()) {
      if (!this.hasMembers(room)) {
        this.rooms.delete(room);
        return;
      }
    }
    // Every room has members: keep them all (each connection is capped at
    // LIMITS.maxRoomsPerConnection, so this grows with connections only).
  }
}

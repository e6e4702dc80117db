// Where ws-demo's rooms live. Lesson 2: in this process's memory. Lesson 3
// (REDIS_URL): in Redis, shared by every process of the app (../scale/).
// The chat (chat.ts) is the same code for both: it asks the backend to
// join, leave, say and type, and sends what the backend delivers to the
// members it holds itself.
import {
  MemoryMessageLog,
  type CatchUp,
  type ChatMessage,
  type PresenceEvent,
  type SharedAddressBudgets,
  type SystemEvent,
  type TypingEvent,
} from "@repo/rooms";

// #region backend
/**
 * An event for a room's members on this process. `from` names the member
 * it comes from (whoever said, joined, left or typed), by its backend id:
 * the chat's recipients (recipients.ts) say whether that member gets it.
 */
export type RoomEvent =
  | {
      readonly event: "message";
      readonly data: ChatMessage;
      readonly from: string;
    }
  | {
      readonly event: "system";
      readonly data: SystemEvent;
      readonly from: string;
    }
  | { readonly event: "presence"; readonly data: PresenceEvent }
  | {
      readonly event: "typing";
      readonly data: TypingEvent;
      readonly from: string;
    };

export interface RoomsBackend {
  /**
   * Lesson 3: the client addresses' budgets, counted by every process
   * together (see the chat's rate-limit). Lesson 2: none, this process counts.
   */
  readonly addressBudgets?: SharedAddressBudgets;
  /** Where events for this process's members go (the chat sets it once). */
  deliver: (event: RoomEvent) => void;
  /** Adds a member to a room; resolves with every name in it, sorted. */
  join(room: string, member: string, name: string): Promise<string[]>;
  /** Takes a member out of a room. */
  leave(room: string, member: string): Promise<void>;
  /** Tells the room who came or went: `system` to the others, then `presence` to all. */
  announce(
    room: string,
    kind: "join" | "leave",
    member: string,
    name: string,
  ): Promise<void>;
  /** Stores a message from `member` and sends it to the room. */
  say(
    room: string,
    member: string,
    name: string,
    text: string,
  ): Promise<ChatMessage>;
  typing(room: string, member: string, name: string): Promise<void>;
  /** The messages after `after` (the rooms protocol's catch-up). */
  since(room: string, after?: string): Promise<CatchUp>;
  /** Ends the backend's own work (timers, connections) at shutdown. */
  close(): Promise<void>;
}
// #endregion backend

// #region memory-backend
/** Lesson 2's backend: one process, every room in memory, delivered at once. */
export function createMemoryBackend(): RoomsBackend {
  const names = new Map<string, Map<string, string>>();
  const log = new MemoryMessageLog((room) => names.has(room));
  const sorted = (room: string) =>
    [...(names.get(room)?.values() ?? [])].sort();

  const backend: RoomsBackend = {
    deliver: () => {},
    join(room, member, name) {
      let members = names.get(room);
      if (!members) names.set(room, (members = new Map<string, string>()));
      members.set(member, name);
      return Promise.resolve(sorted(room));
    },
    leave(room, member) {
      const members = names.get(room);
      members?.delete(member);
      if (members?.size === 0) names.delete(room);
      return Promise.resolve();
    },
    announce(room, kind, member, name) {
      const data = { room, kind, name, at: Date.now() };
      backend.deliver({ event: "system", data, from: member });
      const members = sorted(room);
      backend.deliver({ event: "presence", data: { room, members } });
      return Promise.resolve();
    },
    async say(room, member, name, text) {
      const message = await log.append(room, name, text);
      // After the sender's answer, as lesson 2's wire recordings show.
      setImmediate(() =>
        backend.deliver({ event: "message", data: message, from: member }),
      );
      return message;
    },
    typing(room, member, name) {
      backend.deliver({ event: "typing", data: { room, name }, from: member });
      return Promise.resolve();
    },
    since: (room, after) => log.since(room, after),
    close: () => Promise.resolve(),
  };
  return backend;
}
// #endregion memory-backend

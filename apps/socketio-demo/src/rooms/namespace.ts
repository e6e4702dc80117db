// The rooms namespace's types, shared by the chat (chat.ts) and by what
// lesson 3 plugs into it (../scale/): what each socket keeps, and the one
// event the processes of the app tell each other.
import type { Namespace, Socket } from "socket.io";
import type { RoomsServerEvents } from "@repo/rooms";

/** What Socket.IO keeps for us per socket, and restores with it on recovery. */
export interface MemberData {
  /** The name this socket joined each room with. */
  names: Record<string, string>;
}

/** Lesson 3: what one process of the app tells the others (serverSideEmit). */
export interface PeerEvents {
  "presence-changed": (room: string) => void;
}

export type RoomsNamespace = Namespace<
  Record<string, never>,
  RoomsServerEvents,
  PeerEvents,
  MemberData
>;

export type RoomsSocket = Socket<
  Record<string, never>,
  RoomsServerEvents,
  PeerEvents,
  MemberData
>;

/** What the chat shows of itself to what plugs into it (lesson 3). */
export interface ChatView {
  readonly namespace: RoomsNamespace;
  /** Names of a room's members, sorted, from every socket in it. */
  namesIn(room: string, leaving?: RoomsSocket): Promise<string[]>;
  /** Sends a room's presence to this process's members of it; resolves with the names sent. */
  sendPresence(room: string, leaving?: RoomsSocket): Promise<string[]>;
}

/**
 * How the chat tells a room who is in it after a join or a leave. Lesson
 * 2: `sendPresence`, at once. Lesson 3 (../scale/presence.ts): every
 * process counts again for its own members.
 */
export interface Presence {
  changed(room: string, leaving?: RoomsSocket): Promise<void>;
  /** Shutdown begins: this process's members are all leaving. */
  closing(): void;
}

// Lesson 3 on Socket.IO: who is in a room, when several processes share
// it. The chat (../rooms/chat.ts) sends a room's presence to this
// process's members; with more processes, that is not enough.
import type { ChatView, Presence, RoomsSocket } from "../rooms/namespace.js";

/** Presence across processes, and what this process's members last heard. */
export interface SharedPresence extends Presence {
  /** The list each room's members on this process were last sent. */
  readonly lastSent: ReadonlyMap<string, readonly string[]>;
  /** Counts a room again and sends it to this process's members. */
  send(room: string): Promise<void>;
}

/**
 * @param heardFromPeer called when another process makes itself heard
 *   (the backend counts the processes again: see redis.ts#process-gone)
 */
export function presenceAcrossProcesses(
  chat: ChatView,
  heardFromPeer: () => void,
): SharedPresence {
  const { namespace: rooms } = chat;
  // #region presence
  // Each process sends a room's presence to its own members (`local`, in
  // the chat), from a count it makes itself: a list one process made
  // could reach the members of another after a newer one (two changes
  // at once, on two processes) and leave them with an old list. So a
  // change is announced to every process (serverSideEmit), and each
  // counts again.
  const lastSent = new Map<string, readonly string[]>();
  let shuttingDown = false;
  async function send(room: string, leaving?: RoomsSocket): Promise<void> {
    const members = await chat.sendPresence(room, leaving);
    // What this process's members were last told (see process-gone.ts).
    if (members.length === 0) lastSent.delete(room);
    else lastSent.set(room, members);
  }
  function changed(room: string, leaving?: RoomsSocket): Promise<void> {
    rooms.serverSideEmit("presence-changed", room);
    // Shutting down, this process's own members are all leaving: the
    // others count for theirs, and nothing waits on their answers here.
    if (shuttingDown) return Promise.resolve();
    return send(room, leaving);
  }
  rooms.on("presence-changed", (room: string) => {
    heardFromPeer();
    if (rooms.adapter.rooms.has(room)) send(room).catch(() => {});
  });
  // #endregion presence

  return {
    changed,
    closing: () => {
      shuttingDown = true;
    },
    lastSent,
    send,
  };
}

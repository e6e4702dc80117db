// What the primary and its workers say to each other over the IPC
// channel, beside @socket.io/sticky's own "sticky:*" messages.

/** What a worker tells the primary. */
export type WorkerMessage = { type: "demo:ready"; describe: string };

/** What the primary tells a worker. */
export type PrimaryMessage =
  | { type: "demo:shutdown"; signal: string }
  | { type: "demo:pinned"; sid: string };

// The events of this demo, typed once and shared by the server and the
// browser code: a misspelt event name or a wrong payload fails the type
// check on both sides. Socket.IO frames them for us: `news` goes out as
// 42["news",{...}] (engine.io "message" + socket.io "event" + JSON).

/** Must match on both sides; the server also serves its client script under it. */
export const SOCKET_PATH = "/socket.io";

/** Lesson 2's namespace (chat rooms, docs/rooms/protocol.md); lesson 1 uses `/`. */
export const ROOMS_NAMESPACE = "/rooms";

/** Sent once, right after connecting: who the server thinks you are. */
export interface Welcome {
  readonly id: string;
  readonly ip: string;
  readonly pushIntervalMs: number;
}

/** Pushed every PUSH_INTERVAL_MS while connected. */
export interface News {
  readonly seq: number;
  readonly text: string;
  /** Server clock, ms since epoch with a fraction: latency is measurable. */
  readonly sentAt: number;
}

/** The browser's answer to one `news`. */
export interface Reply {
  readonly seq: number;
  readonly text: string;
}

export interface ServerToClientEvents {
  welcome: (welcome: Welcome) => void;
  news: (news: News) => void;
}

export interface ClientToServerEvents {
  reply: (reply: Reply) => void;
}

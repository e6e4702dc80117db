// Provided: the events of lesson 1, as the server sends them.

export interface Welcome {
  readonly id: string;
  readonly ip: string;
  readonly pushIntervalMs: number;
}

export interface News {
  readonly seq: number;
  readonly text: string;
  readonly sentAt: number;
}

export interface Reply {
  readonly seq: number;
  readonly text: string;
}

export interface ServerToClientEvents {
  welcome: (welcome: Welcome) => void;
  news: (news: News) => void;
}

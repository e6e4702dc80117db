// Provided: what the page shows, so that main.ts is only the Socket.IO code.
// The page (the demo's own, with your main.js in place of its code) has
// #state, #detail and the list #messages.

import type { Reply, ServerToClientEvents as Events } from "./events.js";

/** What the server emits: `welcome` once, then `news`. */
export type ServerToClientEvents = Events;

/** What the page emits: one `reply` per news. */
export interface ClientToServerEvents {
  reply: (reply: Reply) => void;
}

const MAX_LINES = 50;

/** Shows a state name (OPEN, CLOSED...) and why, in #state. */
export function showState(name: string, why = ""): void {
  const label = document.querySelector<HTMLElement>("#state")!;
  label.textContent = why ? `${name} (${why})` : name;
  label.dataset.state = name;
}

/** Shows one line of detail under the state. */
export function showDetail(text: string): void {
  document.querySelector<HTMLElement>("#detail")!.textContent = text;
}

/** Adds a line at the top of #messages: kind "news" for a push, "reply" for an answer. */
export function addLine(kind: "news" | "reply" | "event", text: string): void {
  const list = document.querySelector<HTMLOListElement>("#messages")!;
  const item = document.createElement("li");
  item.className = kind;
  const time = document.createElement("time");
  time.textContent = new Date().toLocaleTimeString();
  item.append(time, ` ${text}`);
  list.prepend(item);
  while (list.children.length > MAX_LINES) list.lastElementChild?.remove();
}

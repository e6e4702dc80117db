// Provided: what the page shows, so that main.ts is only the WebSocket.
// The page (the demo's own, with your main.js in place of its code) has
// #state, #detail and the list #messages.

/** What the server sends: one JSON text frame per message. */
export type ServerMessage =
  | {
      readonly event: "welcome";
      readonly data: { id: string; ip: string; pushIntervalMs: number };
    }
  | {
      readonly event: "news";
      readonly data: { seq: number; text: string; sentAt: number };
    };

/** What the page sends back for one news. */
export interface ReplyMessage {
  readonly event: "reply";
  readonly data: { readonly seq: number; readonly text: string };
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

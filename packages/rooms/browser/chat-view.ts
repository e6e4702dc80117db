// The chat page's view: tabs, messages, presence, typing, state. Shared
// by both apps, because drawing a chat is not the lesson; how each
// transport gets the events here is (apps/*/src/client/rooms.ts).
// Everything a person typed is set as text (textContent), never as HTML:
// a name like <img src=x onerror=alert(1)> is shown, not run.
import type {
  ChatMessage,
  JoinAnswer,
  PresenceEvent,
  SystemEvent,
  TypingEvent,
} from "../src/events.js";
import { compareMessageIds } from "../src/message-id.js";

/** What the view asks of the transport. */
export interface ChatActions {
  join(room: string, name: string): void;
  leave(room: string): void;
  say(room: string, text: string): void;
  typing(room: string): void;
}

interface Tab {
  readonly name: string;
  readonly button: HTMLButtonElement;
  readonly panel: HTMLElement;
  readonly list: HTMLOListElement;
  readonly members: HTMLElement;
  readonly typing: HTMLElement;
  typingTimer?: number;
  /** The newest message id shown: what a rejoin sends as `after`. */
  lastId?: string;
  /** Ids shown, so a message that arrives twice is shown once. */
  readonly shown: Set<string>;
}

const TYPING_SHOWN_MS = 3000;
const MAX_SHOWN = 200;

export class ChatView {
  private readonly tabs = new Map<string, Tab>();
  private current?: string;
  private readonly state = element("#state");
  private readonly notice = element("#notice");
  private readonly tabBar = element("#tabs");
  private readonly panels = element("#panels");
  private readonly form = element<HTMLFormElement>("#join");

  constructor(private readonly actions: ChatActions) {
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      const field = (name: string) =>
        this.form
          .querySelector<HTMLInputElement>(`[name="${name}"]`)!
          .value.trim();
      actions.join(field("room"), field("name"));
    });
  }

  /** Joins the room the address names (`/rooms?room=lobby&name=ann`), if it names one. */
  joinFromAddress(): void {
    const params = new URLSearchParams(location.search);
    const room = params.get("room");
    const name = params.get("name");
    if (room && name) this.actions.join(room, name);
  }

  /** The connection state, as the transport names it. */
  setState(name: string, detail = ""): void {
    this.state.textContent = detail ? `${name} (${detail})` : name;
    this.state.dataset.state = name;
  }

  /** A sentence for the person: a refusal, a missed catch-up... */
  say(text: string): void {
    this.notice.textContent = text;
  }

  /** The rooms this page is in, with the name and the last message id it showed. */
  joinedRooms(): Array<{ room: string; name: string; after?: string }> {
    return [...this.tabs].map(([room, tab]) => ({
      room,
      name: tab.name,
      ...(tab.lastId === undefined ? {} : { after: tab.lastId }),
    }));
  }

  /** A join was answered ok: a tab, its history, its members. */
  joined(name: string, answer: JoinAnswer): void {
    const tab = this.tabs.get(answer.room) ?? this.addTab(answer.room, name);
    for (const message of answer.history) this.message(message);
    this.presence({ room: answer.room, members: answer.members });
    if (!answer.complete) {
      this.line(
        tab,
        "missed",
        "Some messages were missed: the room keeps only its last 50.",
      );
    }
    this.select(answer.room);
  }

  message(message: ChatMessage): void {
    const tab = this.tabs.get(message.room);
    if (!tab || tab.shown.has(message.id)) return;
    tab.shown.add(message.id);
    if (!tab.lastId || compareMessageIds(message.id, tab.lastId) > 0) {
      tab.lastId = message.id;
    }
    const item = this.line(tab, "message", "");
    item.dataset.id = message.id;
    // Drawn apart from the others' (style.css). By name: the server keeps
    // no accounts, so two people who join with one name both see it as theirs.
    if (message.name === tab.name) item.classList.add("own");
    const who = document.createElement("b");
    who.textContent = message.name;
    const text = document.createElement("span");
    text.className = "text";
    text.textContent = message.text;
    item.replaceChildren(time(message.at), " ", who, " ", text);
    placeInServerOrder(tab.list, item);
    // Again, now that it holds its text: line() scrolled to it empty.
    item.scrollIntoView({ block: "nearest" });
  }

  system(event: SystemEvent): void {
    const tab = this.tabs.get(event.room);
    if (tab)
      this.line(
        tab,
        "system",
        `${event.name} ${event.kind === "join" ? "joined" : "left"}`,
        event.at,
      );
  }

  presence(event: PresenceEvent): void {
    const tab = this.tabs.get(event.room);
    if (tab)
      tab.members.textContent = `In the room: ${event.members.join(", ")}`;
  }

  typing(event: TypingEvent): void {
    const tab = this.tabs.get(event.room);
    if (!tab) return;
    tab.typing.textContent = `${event.name} is typing…`;
    window.clearTimeout(tab.typingTimer);
    tab.typingTimer = window.setTimeout(
      () => (tab.typing.textContent = ""),
      TYPING_SHOWN_MS,
    );
  }

  /** The page left a room: its tab goes. */
  left(room: string): void {
    const tab = this.tabs.get(room);
    tab?.button.remove();
    tab?.panel.remove();
    this.tabs.delete(room);
    if (this.current === room) this.select(this.tabs.keys().next().value);
  }

  private addTab(room: string, name: string): Tab {
    const button = document.createElement("button");
    button.type = "button";
    button.role = "tab";
    button.textContent = room;
    button.addEventListener("click", () => this.select(room));
    const panel = document.createElement("section");
    panel.role = "tabpanel";
    panel.dataset.room = room;
    const members = document.createElement("p");
    members.className = "members";
    const list = document.createElement("ol");
    list.className = "chat";
    const typing = document.createElement("p");
    typing.className = "typing";
    const form = document.createElement("form");
    const input = document.createElement("input");
    input.name = "text";
    input.autocomplete = "off";
    input.maxLength = 500;
    input.placeholder = `Say something in ${room} as ${name}`;
    input.addEventListener("input", () => this.actions.typing(room));
    const send = document.createElement("button");
    send.textContent = "Send";
    const leave = document.createElement("button");
    leave.type = "button";
    leave.textContent = "Leave";
    leave.addEventListener("click", () => this.actions.leave(room));
    form.append(input, send, leave);
    const sendTyped = () => {
      if (input.value.trim() === "") return;
      this.actions.say(room, input.value);
      input.value = "";
    };
    // Korean (like Japanese and Chinese) is typed through an input method
    // (IME): a syllable is composed, ㅎ then 하 then 한, before it is
    // committed to the box. An Enter that reaches the form while a syllable
    // is still composing would send at once, and the commit that follows
    // would write the last syllable back into the emptied box (sent once
    // more with the next Enter). So a send asked for mid-composition waits
    // for the composition to end, and then sends the whole text, once.
    let composing = false;
    let sendWhenComposed = false;
    input.addEventListener("compositionstart", () => (composing = true));
    input.addEventListener("compositionend", () => {
      composing = false;
      if (sendWhenComposed) {
        sendWhenComposed = false;
        sendTyped();
      }
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (composing) sendWhenComposed = true;
      else sendTyped();
    });
    panel.append(members, list, typing, form);
    this.tabBar.append(button);
    this.panels.append(panel);
    const tab: Tab = {
      name,
      button,
      panel,
      list,
      members,
      typing,
      shown: new Set(),
    };
    this.tabs.set(room, tab);
    return tab;
  }

  private select(room: string | undefined): void {
    this.current = room;
    for (const [name, tab] of this.tabs) {
      const selected = name === room;
      tab.button.ariaSelected = String(selected);
      tab.panel.hidden = !selected;
    }
  }

  private line(
    tab: Tab,
    kind: string,
    text: string,
    at = Date.now(),
  ): HTMLLIElement {
    const item = document.createElement("li");
    item.className = kind;
    item.append(time(at), ` ${text}`);
    tab.list.append(item);
    while (tab.list.children.length > MAX_SHOWN)
      tab.list.firstElementChild?.remove();
    item.scrollIntoView({ block: "nearest" });
    return item;
  }
}

function element<T extends HTMLElement = HTMLElement>(selector: string): T {
  return document.querySelector<T>(selector)!;
}

function time(at: number): HTMLTimeElement {
  const stamp = document.createElement("time");
  stamp.dateTime = new Date(at).toISOString();
  stamp.textContent = new Date(at).toLocaleTimeString();
  return stamp;
}

export type {
  ChatMessage,
  JoinAnswer,
  PresenceEvent,
  SayAnswer,
  SystemEvent,
  TypingEvent,
} from "../src/events.js";
export type { Answer } from "../src/schema.js";

/**
 * Ids are the server's order. Across processes, Socket.IO's adapter hands
 * a message to the sender's own process before the others, so two people
 * on two processes who speak at once may arrive in either order: the page
 * puts a message that arrived late back where its id says.
 */
function placeInServerOrder(list: HTMLOListElement, item: HTMLLIElement) {
  let before: Element | null = item.previousElementSibling;
  let target: Element | undefined;
  while (before) {
    const id = (before as HTMLElement).dataset.id;
    if (id !== undefined) {
      if (compareMessageIds(id, item.dataset.id!) < 0) break;
      target = before;
    }
    before = before.previousElementSibling;
  }
  if (target) list.insertBefore(item, target);
}

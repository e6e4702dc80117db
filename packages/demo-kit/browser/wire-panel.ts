// The "wire" panel beside each demo page: every frame or packet the page
// sends and receives, as the raw text that travels, with its size in
// bytes, newest first. It only draws: what each app taps to see its
// frames is the lesson, in apps/*/src/client/wire.ts.
// Frames carry what people typed: each is set as text (textContent),
// never as HTML, so a message like <img src=x onerror=...> is shown, not run.

/**
 * About five minutes of lesson 1 (a push every 3 s and its reply); older
 * lines are dropped, so a page left open all day does not grow.
 */
const MAX_LINES = 200;
/** Remembered across reloads: a hidden panel stays hidden. */
const HIDDEN_KEY = "wire-panel";

export type Direction = "in" | "out";

const panel = document.querySelector<HTMLElement>("#wire");
const list = document.querySelector<HTMLOListElement>("#wire-lines");
const toggle = document.querySelector<HTMLButtonElement>("#wire-toggle");
const utf8 = new TextEncoder();

/** One frame at the top of the panel: "in" from the server, "out" to it. */
export function showFrame(direction: Direction, data: unknown): void {
  if (!list) return;
  const { text, bytes } = describe(data);
  const item = document.createElement("li");
  item.className = direction;
  item.append(
    part("direction", direction === "in" ? "↓ in" : "↑ out"),
    " ",
    part("bytes", `${bytes} B`),
    " ",
    part("frame", text),
  );
  list.prepend(item);
  while (list.children.length > MAX_LINES) list.lastElementChild?.remove();
}

// #region size
/** The text as sent, and its size: UTF-8 bytes, what the frame carries. */
function describe(data: unknown): { text: string; bytes: number } {
  if (typeof data === "string")
    return { text: data, bytes: utf8.encode(data).byteLength };
  const bytes =
    data instanceof Blob
      ? data.size
      : ArrayBuffer.isView(data) || data instanceof ArrayBuffer
        ? data.byteLength
        : 0;
  return { text: "(binary)", bytes };
}
// #endregion size

function part(className: string, text: string): HTMLSpanElement {
  const span = document.createElement("span");
  span.className = className;
  span.textContent = text;
  return span;
}

// #region hide
function setHidden(hidden: boolean): void {
  if (!panel || !toggle) return;
  panel.hidden = hidden;
  toggle.textContent = hidden ? "Show the wire" : "Hide the wire";
  toggle.ariaExpanded = String(!hidden);
}

setHidden(localStorage.getItem(HIDDEN_KEY) === "hidden");
toggle?.addEventListener("click", () => {
  const hidden = !panel?.hidden;
  localStorage.setItem(HIDDEN_KEY, hidden ? "hidden" : "shown");
  setHidden(hidden);
});
// #endregion hide

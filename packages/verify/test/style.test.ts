// The style warnings verify prints beside its checks: a handler that names
// no parameter and reads the global `event` is found, with its line; one
// that takes the event as its parameter is not.
import { describe, expect, it } from "vitest";
import { globalEventWarnings } from "../src/style.js";

describe("a handler reading the global event", () => {
  it("is found in the note's client, on the handler's line", () => {
    const source = [
      "window.onload = () => {",
      '  const webSocket = new WebSocket("ws://localhost:8001");',
      "  webSocket.onmessage = () => {",
      "    console.log((event as MessageEvent<string>).data);",
      "  };",
      "};",
    ].join("\n");
    expect(globalEventWarnings(source).map((w) => w.line)).toEqual([3]);
  });

  it("is found in addEventListener and function handlers too", () => {
    const source = [
      'socket.addEventListener("message", () => {',
      "  show(event.data);",
      "});",
      "socket.onclose = function () {",
      "  log(event.code);",
      "};",
    ].join("\n");
    expect(globalEventWarnings(source).map((w) => w.line)).toEqual([1, 4]);
  });

  it("is not a handler that takes the event, or one that reads no event", () => {
    const source = [
      "socket.onmessage = (event: MessageEvent<unknown>) => {",
      "  show(event.data);",
      "};",
      "socket.onopen = () => {",
      '  showState("OPEN");',
      "};",
      "socket.onerror = () => {",
      "  report(lastEvent.type, state.event);",
      "};",
    ].join("\n");
    expect(globalEventWarnings(source)).toEqual([]);
  });
});

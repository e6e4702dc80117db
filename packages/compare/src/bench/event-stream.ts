// Reading a Server-Sent Events stream from Node, the way a browser's
// EventSource reads it (the HTML standard's "event stream interpretation"):
// lines of `field: value`, an event dispatched at each blank line, and
// the last `id:` remembered for a reconnect. Node 20 has no EventSource,
// and the compare tool also needs what EventSource hides: each event's
// text as it arrived, to check its bytes.
import { request, type ClientRequest } from "node:http";

export interface ServerSentEvent {
  /** `event:`, or "message" when the server named none. */
  readonly type: string;
  readonly data: string;
  /** The last `id:` seen so far, this event's or an earlier one's. */
  readonly lastEventId: string;
  /** The event's lines as they arrived, blank line included. */
  readonly text: string;
}

/** Turns the stream's text, in whatever pieces it arrives, into events. */
export class EventStreamParser {
  private pending = "";
  private eventText = "";
  private type = "";
  private data: string[] = [];
  lastEventId = "";

  constructor(private readonly onEvent: (event: ServerSentEvent) => void) {}

  push(chunk: string): void {
    this.pending += chunk;
    for (;;) {
      const end = this.pending.search(/\r\n|\r|\n/);
      // A CR at the very end may be the first half of a CRLF: wait.
      if (
        end === -1 ||
        (end === this.pending.length - 1 && this.pending[end] === "\r")
      )
        return;
      const terminator = this.pending.startsWith("\r\n", end) ? 2 : 1;
      const line = this.pending.slice(0, end);
      this.eventText += this.pending.slice(0, end + terminator);
      this.pending = this.pending.slice(end + terminator);
      this.line(line);
    }
  }

  private line(line: string): void {
    if (line === "") return this.dispatch();
    if (line.startsWith(":")) return; // a comment (servers send them as keep-alives)
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") this.type = value;
    else if (field === "data") this.data.push(value);
    else if (field === "id" && !value.includes("\0")) this.lastEventId = value;
    // `retry:` sets the browser's reconnect delay; this client never reconnects by itself.
  }

  private dispatch(): void {
    const text = this.eventText;
    const type = this.type || "message";
    const data = this.data;
    this.eventText = "";
    this.type = "";
    this.data = [];
    // No data lines: nothing to deliver (the standard's rule), but an id still counts.
    if (data.length === 0) return;
    this.onEvent({
      type,
      data: data.join("\n"),
      lastEventId: this.lastEventId,
      text,
    });
  }
}

/** An open event stream: its last event id, and a way to close it. */
export interface EventStream {
  readonly lastEventId: string;
  close(): void;
  /** Settles when the server ends the stream or it is closed. */
  readonly ended: Promise<void>;
}

/**
 * GET `url` as EventSource does (Accept: text/event-stream, and the
 * Last-Event-ID header when coming back), and resolves once the server
 * answers 200 with an event stream.
 */
export function openEventStream(
  url: string,
  options: {
    readonly onEvent: (event: ServerSentEvent) => void;
    readonly lastEventId?: string;
    readonly localAddress?: string;
  },
): Promise<EventStream> {
  const parser = new EventStreamParser(options.onEvent);
  if (options.lastEventId) parser.lastEventId = options.lastEventId;
  return new Promise((resolve, reject) => {
    const get: ClientRequest = request(url, {
      // One connection per stream, as a browser holds one open per EventSource.
      agent: false,
      ...(options.localAddress ? { localAddress: options.localAddress } : {}),
      headers: {
        accept: "text/event-stream",
        "cache-control": "no-cache",
        ...(options.lastEventId
          ? { "last-event-id": options.lastEventId }
          : {}),
      },
    });
    get.on("error", reject);
    get.on("response", (response) => {
      const type = response.headers["content-type"] ?? "";
      if (
        response.statusCode !== 200 ||
        !type.startsWith("text/event-stream")
      ) {
        response.resume();
        reject(
          new Error(
            `${url} answered ${response.statusCode} ${type}, not an event stream`,
          ),
        );
        return;
      }
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => parser.push(chunk));
      const ended = new Promise<void>((done) => response.once("close", done));
      resolve({
        get lastEventId() {
          return parser.lastEventId;
        },
        close: () => get.destroy(),
        ended,
      });
    });
    get.end();
  });
}

// Lesson 2's "what each feature took": which code region does a feature on
// each transport, and how many lines of code each one is. The page's table
// is computed from this at build time (loc.data.ts), and a test counts
// again from the sources (test/rooms-loc.test.ts), so it cannot drift.
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** A code region, as the page imports it: a file (from the repository root) and a region name. */
export interface RegionRef {
  readonly file: string;
  readonly region: string;
}

export interface Feature {
  /** The row's name, as the page says it. */
  readonly name: string;
  /** The server, or the browser page. */
  readonly part: "server" | "page";
  /** The anchor of the page's section about it. */
  readonly section: string;
  readonly ws: readonly RegionRef[];
  readonly socketio: readonly RegionRef[];
  /** Said in the row when a side has no region: what does the work instead. */
  readonly builtIn?: string;
}

const WS = "apps/ws-demo/src/rooms/chat.ts";
const WS_BACKEND = "apps/ws-demo/src/rooms/backend.ts";
const WS_FRAMES = "apps/ws-demo/src/rooms/frames.ts";
const WS_RECIPIENTS = "apps/ws-demo/src/rooms/recipients.ts";
const WS_CLIENT = "apps/ws-demo/src/client/rooms.ts";
const IO = "apps/socketio-demo/src/rooms/chat.ts";
const IO_BACKEND = "apps/socketio-demo/src/rooms/backend.ts";
const IO_NAMESPACE = "apps/socketio-demo/src/rooms/namespace.ts";
const IO_RECIPIENTS = "apps/socketio-demo/src/rooms/recipients.ts";
const IO_CLIENT = "apps/socketio-demo/src/client/rooms.ts";

const at = (file: string, ...regions: string[]): RegionRef[] =>
  regions.map((region) => ({ file, region }));

/** Every feature of lesson 2, with its regions on ws and on Socket.IO. */
export const FEATURES: readonly Feature[] = [
  {
    name: "rooms",
    part: "server",
    section: "rooms",
    ws: [...at(WS, "rooms"), ...at(WS_BACKEND, "memory-backend")],
    socketio: [
      ...at(IO, "namespace", "presence"),
      ...at(IO_BACKEND, "memory-backend"),
    ],
  },
  {
    name: "broadcast to a room",
    part: "server",
    section: "broadcast",
    ws: [...at(WS, "broadcast"), ...at(WS_RECIPIENTS, "recipients")],
    socketio: at(IO_RECIPIENTS, "recipients"),
    builtIn: "built in: rooms.to(room).emit",
  },
  {
    name: "acknowledgements",
    part: "server",
    section: "acknowledgements",
    ws: at(WS, "acks"),
    socketio: [],
    builtIn: "built in: the ack callback",
  },
  {
    name: "join",
    part: "server",
    section: "joining-and-catching-up",
    ws: at(WS, "join"),
    socketio: at(IO, "join"),
  },
  {
    name: "catch-up after a reconnect",
    part: "server",
    section: "joining-and-catching-up",
    ws: at(WS, "catch-up"),
    socketio: at(IO, "recovery"),
  },
  {
    name: "leave",
    part: "server",
    section: "presence-join-leave-and-who-is-here",
    ws: at(WS, "leave"),
    socketio: at(IO, "leave"),
  },
  {
    name: "say",
    part: "server",
    section: "broadcast",
    ws: at(WS, "say"),
    socketio: at(IO, "say"),
  },
  {
    name: "typing",
    part: "server",
    section: "typing",
    ws: at(WS, "typing"),
    socketio: at(IO, "typing"),
  },
  {
    name: "reading, checking and routing requests (rate limit included)",
    part: "server",
    section: "validation-one-schema-for-both",
    ws: [...at(WS_FRAMES, "read-frame"), ...at(WS, "dispatch", "rate-limit")],
    socketio: at(IO, "middleware"),
  },
  {
    name: "close: leave every room",
    part: "server",
    section: "on-close-and-on-reconnect",
    ws: at(WS, "close"),
    socketio: at(IO, "disconnect"),
  },
  {
    name: "page: requests with a timeout",
    part: "page",
    section: "acknowledgements",
    ws: at(WS_CLIENT, "client-acks"),
    socketio: at(IO_CLIENT, "client-acks"),
  },
  {
    name: "page: catch-up on reconnect",
    part: "page",
    section: "on-close-and-on-reconnect",
    ws: at(WS_CLIENT, "client-catch-up"),
    socketio: at(IO_CLIENT, "client-catch-up"),
  },
];

/**
 * The lesson 2 server files of each app (src/rooms/), counted whole,
 * regions or not. Lesson 3 plugs in from src/scale/, which is not counted.
 */
export const SERVER_FILES = {
  ws: [WS, WS_FRAMES, WS_BACKEND, WS_RECIPIENTS],
  socketio: [IO, IO_BACKEND, IO_NAMESPACE, IO_RECIPIENTS],
} as const;

/**
 * Regions of those files that the lesson 3 page shows (the backend
 * interface, where lesson 3 plugs in), not counted in lesson 2's rows.
 */
export const LESSON_3_REGIONS: readonly RegionRef[] = [
  ...at(WS_BACKEND, "backend"),
  ...at(IO_BACKEND, "backend"),
];

/** The repository root, from docs/rooms/. */
export const repoRoot = join(
  new URL(".", import.meta.url).pathname,
  "..",
  "..",
);

/** Whether a line counts as code: not blank, not a comment (`//`, `/*`, `*`). */
export function isCode(line: string): boolean {
  const text = line.trim();
  return (
    text !== "" &&
    !text.startsWith("//") &&
    !text.startsWith("/*") &&
    !text.startsWith("*")
  );
}

/** The lines between `// #region name` and `// #endregion name`; throws if the region is not there once. */
export function regionLines(source: string, region: string): string[] {
  const lines = source.split("\n");
  const starts = lines.flatMap((line, index) =>
    line.trim() === `// #region ${region}` ? [index] : [],
  );
  const ends = lines.flatMap((line, index) =>
    line.trim() === `// #endregion ${region}` ? [index] : [],
  );
  if (starts.length !== 1 || ends.length !== 1 || ends[0]! < starts[0]!) {
    throw new Error(`region "${region}" is not there exactly once`);
  }
  return lines.slice(starts[0]! + 1, ends[0]);
}

/** Lines of code in one region. */
export function countRegion(ref: RegionRef, root = repoRoot): number {
  const source = readFileSync(join(root, ref.file), "utf8");
  return regionLines(source, ref.region).filter(isCode).length;
}

/** Lines of code in a whole file. */
export function countFile(file: string, root = repoRoot): number {
  return readFileSync(join(root, file), "utf8").split("\n").filter(isCode)
    .length;
}

export interface Side {
  readonly regions: ReadonlyArray<RegionRef & { readonly lines: number }>;
  readonly lines: number;
}

export interface Row {
  readonly name: string;
  readonly part: "server" | "page";
  readonly section: string;
  readonly builtIn?: string;
  readonly ws: Side;
  readonly socketio: Side;
}

interface PerTransport {
  readonly ws: number;
  readonly socketio: number;
}

export interface LocTable {
  readonly rows: readonly Row[];
  /** The sum of the rows of each part. */
  readonly server: PerTransport;
  readonly page: PerTransport;
  /** The whole lesson 2 server files, regions or not. */
  readonly serverFiles: PerTransport;
}

function side(refs: readonly RegionRef[], root: string): Side {
  const regions = refs.map((ref) => ({
    ...ref,
    lines: countRegion(ref, root),
  }));
  return {
    regions,
    lines: regions.reduce((sum, region) => sum + region.lines, 0),
  };
}

/** The whole table, counted now from the sources. */
export function countFeatures(root = repoRoot): LocTable {
  const rows = FEATURES.map((feature) => ({
    name: feature.name,
    part: feature.part,
    section: feature.section,
    ...(feature.builtIn === undefined ? {} : { builtIn: feature.builtIn }),
    ws: side(feature.ws, root),
    socketio: side(feature.socketio, root),
  }));
  const sum = (part: Row["part"]): PerTransport => {
    const of = rows.filter((row) => row.part === part);
    return {
      ws: of.reduce((total, row) => total + row.ws.lines, 0),
      socketio: of.reduce((total, row) => total + row.socketio.lines, 0),
    };
  };
  const whole = (files: readonly string[]) =>
    files.reduce((total, file) => total + countFile(file, root), 0);
  return {
    rows,
    server: sum("server"),
    page: sum("page"),
    serverFiles: {
      ws: whole(SERVER_FILES.ws),
      socketio: whole(SERVER_FILES.socketio),
    },
  };
}

// The SSE baseline's catch-up, measured: a client reads a few pushes,
// drops its connection, stays away for a few intervals, and comes back
// with the Last-Event-ID header, as a browser's EventSource does by
// itself. It must get every push it missed, once and in order, before the
// live ones. A second client comes back at the same moment without the
// header: it must get none of them (the server cannot know where it
// stopped), which shows that the header is what does it.
import { spawnApp } from "@repo/contract";
import { openEventStream, type EventStream } from "./event-stream.js";
import { PUSH_TEXT, serverEntries } from "./servers.js";

export interface ResumeFigures {
  /** Pushes the server sent while the client was away. */
  readonly missed: number;
  /** Of those, how many the client got on coming back with Last-Event-ID. */
  readonly replayed: number;
  /** The same for a client that came back without the header: should be 0. */
  readonly replayedWithoutHeader: number;
  /** Every push exactly once and in order, across the reconnect, none missing. */
  readonly lastEventIdResume: boolean;
}

interface News {
  readonly seq: number;
  readonly sentAt: number;
}

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens /events, collecting each push; resolves once it is open. */
async function listen(
  origin: string,
  into: News[],
  lastEventId?: string,
): Promise<EventStream> {
  return openEventStream(`${origin}/events`, {
    ...(lastEventId ? { lastEventId } : {}),
    onEvent: (event) => {
      if (event.type === "news") into.push(JSON.parse(event.data) as News);
    },
  });
}

/** Waits until `list` holds `count` items, at most `ms`. */
async function until(list: readonly unknown[], count: number, ms: number) {
  const deadline = performance.now() + ms;
  while (list.length < count && performance.now() < deadline) await sleep(10);
}

export async function measureSseResume(
  intervalMs: number,
): Promise<ResumeFigures> {
  const app = await spawnApp("sse-bare", serverEntries["sse-bare"], {
    PUSH_INTERVAL_MS: String(intervalMs),
    PUSH_TEXT,
  });
  try {
    const before: News[] = [];
    const first = await listen(app.origin, before);
    await until(before, 2, 10 * intervalMs);
    first.close();
    await first.ended;
    const lastSeen = before.at(-1);
    if (!lastSeen) throw new Error("sse-bare sent no push within 10 intervals");
    const lastEventId = first.lastEventId;

    // Away for three pushes or so, then both come back at once.
    await sleep(3 * intervalMs);
    const backAt = now();
    const withHeader: News[] = [];
    const withoutHeader: News[] = [];
    const streams = await Promise.all([
      listen(app.origin, withHeader, lastEventId),
      listen(app.origin, withoutHeader),
    ]);
    // Until a live push has arrived after the replayed ones.
    const deadline = performance.now() + 10 * intervalMs;
    while (
      !withHeader.some((news) => news.sentAt >= backAt) &&
      performance.now() < deadline
    )
      await sleep(10);
    for (const stream of streams) stream.close();

    // Sent before the client was back: missed, and replayed if received.
    const firstLive = withHeader.find((news) => news.sentAt >= backAt);
    const missed = firstLive ? firstLive.seq - lastSeen.seq - 1 : Number.NaN;
    const replayed = withHeader.filter((news) => news.sentAt < backAt).length;
    const seqs = [...before, ...withHeader].map((news) => news.seq);
    const onceInOrder = seqs.every(
      (seq, i) => i === 0 || seq === seqs[i - 1]! + 1,
    );
    return {
      missed,
      replayed,
      replayedWithoutHeader: withoutHeader.filter(
        (news) => news.sentAt < backAt,
      ).length,
      lastEventIdResume:
        firstLive !== undefined &&
        missed > 0 &&
        replayed === missed &&
        onceInOrder,
    };
  } finally {
    await app.stop();
  }
}

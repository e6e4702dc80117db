// Lesson 2 in the plan: each transport's rooms on one process, each next
// to its bare baseline, then, with a Redis, on two processes sharing them
// (lesson 3 in the apps).
import { startTestRedis } from "@repo/demo-kit/redis-server";
import type { RoomsFigures } from "../bench/rooms-figures.js";
import {
  measureRooms,
  NeedsLessonThree,
  roomsBareRows,
  roomsRows,
} from "../bench/rooms.js";
import { roomsChecks } from "../report/checks.js";
import type { Check, RoomsComparison } from "../report/model.js";
import { roomsAcross, roomsDemoOverBare } from "../report/ratios.js";
import type { Plan } from "./plan.js";
import type { Progress } from "./progress.js";

export async function runRooms(
  plan: Plan,
  progress: Progress,
): Promise<{ comparison: RoomsComparison; checks: Check[] }> {
  const { roomsOptions } = plan;
  const checks: Check[] = [];
  const transports: RoomsFigures[] = [];
  const bare: RoomsFigures[] = [];
  // Each demo, then its baseline at once: side by side, as the ratio asks.
  for (const [i, row] of roomsRows.entries()) {
    transports.push(await measureRooms(row, roomsOptions));
    progress.next();
    if (!plan.bareRooms) continue;
    bare.push(await measureRooms(roomsBareRows[i]!, roomsOptions));
    progress.next();
  }
  const twoProcesses: RoomsFigures[] = [];
  let twoProcessesNote: string | null = null;
  if (!plan.redis) {
    twoProcessesNote = "not run (--no-redis)";
  } else {
    const redis = await redisForRooms();
    if (typeof redis === "string") {
      twoProcessesNote = redis;
    } else {
      try {
        for (const row of roomsRows) {
          twoProcesses.push(await measureRooms(row, roomsOptions, redis.url));
          progress.next();
        }
      } catch (error) {
        if (!(error instanceof NeedsLessonThree)) throw error;
        twoProcessesNote = `skipped: ${error.message}; this needs lesson 3 (rooms shared through REDIS_URL) in the apps`;
        twoProcesses.length = 0;
      } finally {
        await redis.close();
      }
    }
    if (twoProcessesNote)
      console.error(`compare: rooms on two processes ${twoProcessesNote}`);
  }
  for (const figures of [...transports, ...bare, ...twoProcesses])
    checks.push(...roomsChecks(figures));
  const { progress: _, ...shown } = roomsOptions;
  const rooms: RoomsComparison = {
    options: shown,
    transports,
    twoProcesses,
    twoProcessesNote,
    across: roomsAcross([transports, twoProcesses]),
    bare,
    demoOverBare: roomsDemoOverBare(
      transports,
      bare,
      roomsRows.map((row, i) => [row.server, roomsBareRows[i]!.server]),
    ),
  };
  return { comparison: rooms, checks };
}

/**
 * The Redis the two-process rooms runs share: REDIS_URL as given, else a
 * redis-server of our own on a free port (never the machine's 6379), or
 * why there is none.
 */
async function redisForRooms(): Promise<
  { url: string; close: () => Promise<void> } | string
> {
  if (process.env.REDIS_URL)
    return { url: process.env.REDIS_URL, close: () => Promise.resolve() };
  try {
    return await startTestRedis();
  } catch (error) {
    return `skipped: no Redis (set REDIS_URL, or install redis-server): ${(error as Error).message}`;
  }
}

// The comparison's ratios, all in one place: a demo over its bare
// baseline, one transport over another, a tuning row over its default,
// the rooms of Socket.IO over those of ws, and each demo's rooms over its
// bare baseline's. Each divides figures measured side by side in the same
// run.
import type { RoomsFigures } from "../bench/rooms-figures.js";
import type { ServerFigures } from "../bench/server-figures.js";
import type {
  AcrossResult,
  DemoOverBare,
  FigureRatios,
  RoomsDemoOverBare,
  RoomsRatios,
  TransportResult,
} from "./model.js";

/** What the demo's abstraction costs over the bare baseline of its transport. */
export function demoOverBare(
  demo: ServerFigures,
  bare: ServerFigures,
): DemoOverBare {
  return {
    heapPerConnection: demo.heapPerConnection / bare.heapPerConnection,
    rssPerConnection: demo.rssPerConnection / bare.rssPerConnection,
    cadenceP99: demo.cadenceP99Ms / bare.cadenceP99Ms,
    sentCadenceP99: demo.sentCadenceP99Ms / bare.sentCadenceP99Ms,
    bytesPerPush: demo.bytesPerPush / bare.bytesPerPush,
  };
}

export function ratiosOf(a: ServerFigures, b: ServerFigures): FigureRatios {
  return {
    heapPerConnection: a.heapPerConnection / b.heapPerConnection,
    rssPerConnection: a.rssPerConnection / b.rssPerConnection,
    handshakeBytesWritten: a.handshakeBytesWritten / b.handshakeBytesWritten,
    connectAll: a.connectAllMs / b.connectAllMs,
    bytesPerPush: a.bytesPerPush / b.bytesPerPush,
    bytesPerReply: a.bytesPerReply / b.bytesPerReply,
    latencyP50: a.latencyP50Ms / b.latencyP50Ms,
    latencyP99: a.latencyP99Ms / b.latencyP99Ms,
    roundTripP50: a.roundTripP50Ms / b.roundTripP50Ms,
  };
}

/**
 * Socket.IO against ws, demo with demo and bare with bare, for every
 * Socket.IO row measured beside ws (the push text is the same on all).
 */
export function acrossTransports(
  transports: readonly Pick<
    TransportResult,
    "id" | "label" | "demo" | "bare"
  >[],
): AcrossResult[] {
  const ws = transports.find((t) => t.id === "ws");
  if (!ws) return [];
  return transports
    .filter((t) => t.id !== "ws")
    .flatMap((t) => [
      { label: `${t.label} demo / ws demo`, ratios: ratiosOf(t.demo, ws.demo) },
      { label: `${t.label} bare / ws bare`, ratios: ratiosOf(t.bare, ws.bare) },
    ]);
}

/** Socket.IO against ws wherever both were measured (same processes). */
export function roomsAcross(
  groups: ReadonlyArray<readonly RoomsFigures[]>,
): RoomsRatios[] {
  return groups.flatMap((group) => {
    const ws = group.find((f) => f.server === "ws-demo");
    const sio = group.find((f) => f.server === "socketio-demo");
    if (!ws || !sio) return [];
    return [
      {
        label: `${sio.label} / ${ws.label}`,
        heapPerMember: sio.heapPerMember / ws.heapPerMember,
        latencyP50: sio.latencyP50Ms / ws.latencyP50Ms,
        latencyP99: sio.latencyP99Ms / ws.latencyP99Ms,
        bytesPerDelivery: sio.bytesPerDelivery / ws.bytesPerDelivery,
        cpuPer1000Deliveries:
          sio.cpuMsPer1000Deliveries / ws.cpuMsPer1000Deliveries,
        burstDeliveriesPerSecond:
          sio.burstDeliveriesPerSecond / ws.burstDeliveriesPerSecond,
      },
    ];
  });
}

/** The goal for each demo's rooms: CPU and heap within this of its baseline. */
export const ROOMS_BARE_TARGET = 1.2;

/**
 * What each demo's rooms do that its bare baseline does not (the
 * baselines' opening comments list it): shown beside a ratio over the
 * target, since that is what the difference pays for.
 */
export const roomsDemoBuys: Readonly<Record<string, string>> = {
  "ws-demo":
    "validation of every frame, the rooms' history for catch-up, rate limits " +
    "per connection and per address, a guard against slow members on every " +
    "send, presence and join/leave events",
  "socketio-demo":
    "validation middleware, the rooms' history for catch-up, connection state " +
    "recovery (an offset on every message, each room's broadcasts kept two " +
    "minutes), rate limits per connection and per address, presence and " +
    "join/leave events",
};

/** Each demo over its bare baseline, where both were measured (one process). */
export function roomsDemoOverBare(
  demos: readonly RoomsFigures[],
  bares: readonly RoomsFigures[],
  pairs: ReadonlyArray<readonly [demo: string, bare: string]>,
): RoomsDemoOverBare[] {
  return pairs.flatMap(([demoServer, bareServer]) => {
    const demo = demos.find((f) => f.server === demoServer);
    const bare = bares.find((f) => f.server === bareServer);
    if (!demo || !bare) return [];
    const cpu = demo.cpuMsPer1000Deliveries / bare.cpuMsPer1000Deliveries;
    const heap = demo.heapPerMember / bare.heapPerMember;
    // A ratio that could not be measured (NaN) is not over the target.
    const overTarget = [
      ...(cpu > ROOMS_BARE_TARGET ? (["cpu"] as const) : []),
      ...(heap > ROOMS_BARE_TARGET ? (["heap"] as const) : []),
    ];
    return [
      {
        label: `${demo.label} demo / ${bare.label}`,
        cpuPer1000Deliveries: cpu,
        heapPerMember: heap,
        burstDeliveriesPerSecond:
          demo.burstDeliveriesPerSecond / bare.burstDeliveriesPerSecond,
        latencyP99: demo.latencyP99Ms / bare.latencyP99Ms,
        overTarget,
        buys:
          overTarget.length > 0 ? (roomsDemoBuys[demo.server] ?? null) : null,
      },
    ];
  });
}

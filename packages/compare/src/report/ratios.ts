// The comparison's ratios, all in one place: a demo over its bare
// baseline, one transport over another, a tuning row over its default,
// and the rooms of Socket.IO over those of ws. Each divides figures
// measured side by side in the same run.
import type { RoomsFigures } from "../bench/rooms-figures.js";
import type { ServerFigures } from "../bench/server-figures.js";
import type {
  AcrossResult,
  DemoOverBare,
  FigureRatios,
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

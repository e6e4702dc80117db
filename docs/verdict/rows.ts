// The verdict's rows, one per question a team asks, each cell built from
// the parts in cells.ts. Where a figure is not measured yet (an older
// compare.json), the cell says what you would build instead.
import type { Locale } from "../.vitepress/theme/i18n.js";
import type { LocTable } from "../rooms/features.js";
import { cellParts } from "./cells.js";
import { valueAt, type Runs } from "./data.js";
import { LESSON } from "./links.js";
import type { Part, Row } from "./model.js";
import { WORDS } from "./words.js";

/**
 * The decision table in one locale. `loc` is lesson 2's line count
 * (rooms/features.ts); `runs` the stored comparison runs.
 */
export function verdictRows(runs: Runs, loc: LocTable, locale: Locale): Row[] {
  const { w, text, link, close, figure, counted, direction } = cellParts(
    runs,
    loc,
    locale,
  );
  const data = runs.latest;

  const transport = (id: string) =>
    data.transports.findIndex((entry) => entry.id === id);
  const ws = `transports.${transport("ws")}`;
  const io = `transports.${transport("socket.io")}`;
  const acrossDemo = `across.${data.across.findIndex((entry) => entry.label === "Socket.IO demo / ws demo")}.ratios`;
  const roomsIndex = (label: string) =>
    data.rooms?.transports.findIndex((entry) => entry.label === label) ?? -1;
  const roomsWs = `rooms.transports.${roomsIndex("ws")}`;
  const roomsIo = `rooms.transports.${roomsIndex("Socket.IO")}`;
  const roomsAcross = "rooms.across.0";
  const twoAcross = "rooms.across.1";
  const sse = data.sse ?? null;
  const download = data.clientDownload ?? null;
  const row = (locRow: string) =>
    loc.rows.findIndex((entry) => entry.name === locRow);

  const downloadCell = (side: "ws" | "socketio"): Part[] =>
    download
      ? [
          ...(side === "ws" ? [w("nativeWs")] : []),
          w("served"),
          ...figure(`clientDownload.${side}.served`, "bytes"),
          w("minified"),
          ...figure(`clientDownload.${side}.minified`, "bytes"),
          w("gzip"),
          ...figure(`clientDownload.${side}.gzip`, "bytes"),
          w("brotli"),
          ...figure(`clientDownload.${side}.brotli`, "bytes"),
        ]
      : side === "ws"
        ? [
            w("wsDownloadTodo"),
            link("wsReconnectLink", LESSON.wsReconnect),
            w("downloadNotMeasured"),
          ]
        : [
            w("ioDownloadTodo"),
            link("lesson1io", LESSON.ioClientScript),
            w("downloadNotMeasured"),
          ];

  return [
    {
      id: "code",
      question: WORDS[locale].code,
      cells: {
        ws: [
          counted("server.ws"),
          w("linesOfRegions"),
          counted("serverFiles.ws"),
          text("("),
          link("table", LESSON.table),
          close,
        ],
        socketio: [
          counted("server.socketio"),
          w("linesOfRegions"),
          counted("serverFiles.socketio"),
          text("("),
          link("table", LESSON.table),
          close,
        ],
        sse: [w("sseCode"), link("sseCodeLink", LESSON.wsPush), close],
      },
    },
    {
      id: "download",
      question: WORDS[locale].download,
      cells: {
        ws: downloadCell("ws"),
        socketio: downloadCell("socketio"),
        sse: [w("sseDownload")],
      },
    },
    {
      id: "memory",
      question: WORDS[locale].memory,
      cells: {
        ws: [
          ...figure(`${ws}.demo.heapPerConnection`, "kb"),
          w("perConnection"),
          text(";"),
          ...figure(`${roomsWs}.heapPerMember`, "kb"),
          w("perMember"),
        ],
        socketio: [
          ...figure(`${io}.demo.heapPerConnection`, "kb"),
          w("perConnection"),
          text(";"),
          ...figure(`${roomsIo}.heapPerMember`, "kb"),
          w("perMember"),
          text("."),
          w("against"),
          ...figure(`${acrossDemo}.heapPerConnection`, "ratio"),
          ...direction(`${acrossDemo}.heapPerConnection`),
          text("/"),
          ...figure(`${roomsAcross}.heapPerMember`, "ratio"),
          ...direction(`${roomsAcross}.heapPerMember`),
        ],
        sse: sse
          ? [
              ...figure("sse.heapPerConnection", "kb"),
              w("sseMemory"),
              text("."),
              w("sseNoRooms"),
              link("rooms", LESSON.rooms),
              close,
            ]
          : [
              w("sseMemoryTodo"),
              link("lesson1Measured", LESSON.lesson1),
              close,
            ],
      },
    },
    {
      id: "cpu",
      question: WORDS[locale].cpu,
      cells: {
        ws: [...figure(`${roomsWs}.cpuMsPer1000Deliveries`, "ms")],
        socketio: [
          ...figure(`${roomsIo}.cpuMsPer1000Deliveries`, "ms"),
          text("."),
          w("against"),
          ...figure(`${roomsAcross}.cpuPer1000Deliveries`, "ratio"),
          ...direction(`${roomsAcross}.cpuPer1000Deliveries`),
          text(";"),
          w("burst"),
          ...figure(`${roomsAcross}.burstDeliveriesPerSecond`, "ratio"),
          ...direction(`${roomsAcross}.burstDeliveriesPerSecond`),
        ],
        sse: [w("sseCpu"), link("rooms", LESSON.rooms), close],
      },
    },
    {
      id: "latency",
      question: WORDS[locale].latency,
      cells: {
        ws: [
          w("connect"),
          ...figure(`${ws}.demo.connectP50Ms`, "ms"),
          text(";"),
          w("push"),
          ...figure(`${ws}.demo.latencyP50Ms`, "ms"),
          text(";"),
          w("room"),
          ...figure(`${roomsWs}.latencyP50Ms`, "ms"),
        ],
        socketio: [
          w("connect"),
          ...figure(`${io}.demo.connectP50Ms`, "ms"),
          text(";"),
          w("push"),
          ...figure(`${io}.demo.latencyP50Ms`, "ms"),
          text(";"),
          w("room"),
          ...figure(`${roomsIo}.latencyP50Ms`, "ms"),
        ],
        sse: sse
          ? [w("connect"), ...figure("sse.connectP50Ms", "ms"), w("sseLatency")]
          : [
              w("sseLatencyTodo"),
              link("lesson1Measured", LESSON.lesson1),
              close,
            ],
      },
    },
    {
      id: "bytes",
      question: WORDS[locale].bytes,
      cells: {
        ws: [
          ...figure(`${ws}.demo.bytesPerPush`, "bytesPerMessage"),
          w("perPush"),
          text(";"),
          ...figure(`${ws}.demo.handshakeBytesWritten`, "bytes"),
          w("handshake"),
          text("("),
          link("wire", LESSON.wire),
          close,
        ],
        socketio: [
          ...figure(`${io}.demo.bytesPerPush`, "bytesPerMessage"),
          w("perPush"),
          text(";"),
          ...figure(`${io}.demo.handshakeBytesWritten`, "bytes"),
          w("handshake"),
          text(";"),
          ...figure(`${io}.demo.httpRequestsPerClient`, "count"),
          w("httpRequests"),
          text("("),
          link("wire", LESSON.wire),
          close,
        ],
        sse: sse
          ? [...figure("sse.bytesPerPush", "count"), text("B"), w("sseBytes")]
          : [w("sseBytesTodo"), link("lesson1Measured", LESSON.lesson1), close],
      },
    },
    {
      id: "reconnect",
      question: WORDS[locale].reconnect,
      cells: {
        ws: [
          w("wsReconnectText"),
          link("wsReconnectLink", LESSON.wsReconnect),
          w("and"),
          link("wsCatchUpLink", LESSON.catchUp),
          text(")."),
          w("backAfterRestart"),
          ...figure(`${ws}.recovery.resumeAfterRestartMs`, "ms"),
        ],
        socketio: [
          w("ioReconnectText"),
          link("ioReconnectLink", LESSON.ioReconnect),
          w("and"),
          link("wsCatchUpLink", LESSON.catchUp),
          text(")."),
          w("backAfterRestart"),
          ...figure(`${io}.recovery.resumeAfterRestartMs`, "ms"),
        ],
        sse: [
          w("sseReconnectText"),
          link("wsCatchUpLink", LESSON.catchUp),
          text(")."),
          sse
            ? w(sse.lastEventIdResume ? "sseResumed" : "sseResumeFailed")
            : w("sseResumeTodo"),
        ],
      },
    },
    {
      id: "acks",
      question: WORDS[locale].acks,
      cells: {
        ws: [
          w("wsAcks"),
          link("acks", LESSON.acks),
          text("):"),
          counted(`rows.${row("acknowledgements")}.ws.lines`),
          w("acksLines"),
        ],
        socketio: [w("ioAcks"), link("acks", LESSON.acks), close],
        sse: [w("sseAcks"), link("acks", LESSON.acks), close],
      },
    },
    {
      id: "rooms",
      question: WORDS[locale].rooms,
      cells: {
        ws: [
          w("wsRooms"),
          link("rooms", LESSON.rooms),
          text("):"),
          counted(`rows.${row("rooms")}.ws.lines`),
          w("lines"),
        ],
        socketio: [
          w("ioRooms"),
          link("rooms", LESSON.rooms),
          text("):"),
          counted(`rows.${row("rooms")}.socketio.lines`),
          w("lines"),
        ],
        sse: [w("sseRooms"), link("rooms", LESSON.rooms), close],
      },
    },
    {
      id: "processes",
      question: WORDS[locale].processes,
      cells: {
        ws: [w("wsProcesses"), link("wsFanOut", LESSON.wsFanOut), close],
        socketio: [
          w("ioProcesses"),
          link("ioAdapter", LESSON.ioAdapter),
          w("and"),
          link("sticky", LESSON.sticky),
          text(")."),
          ...(valueAt(data, `${twoAcross}.heapPerMember`) === undefined
            ? []
            : [
                w("twoProcesses"),
                ...figure(`${twoAcross}.heapPerMember`, "ratio"),
              ]),
        ],
        sse: [w("sseProcesses"), link("wsFanOut", LESSON.wsFanOut), close],
      },
    },
    {
      id: "other-clients",
      question: WORDS[locale].otherClients,
      cells: {
        ws: [
          w("wsOther"),
          link("rfc", LESSON.rfc),
          w("wsOtherFrames"),
          link("wsOtherLink", LESSON.protocol),
          close,
        ],
        socketio: [w("ioOther"), link("factsLink", LESSON.facts), close],
        sse: [w("sseOther")],
      },
    },
    {
      id: "proxies",
      question: WORDS[locale].proxies,
      cells: {
        ws: [w("wsProxies"), link("wsProxiesLink", LESSON.upgradeProxy), close],
        socketio: [w("ioProxies"), link("polling", LESSON.ioPolling), close],
        sse: [w("sseProxies")],
      },
    },
    {
      id: "lock-in",
      question: WORDS[locale].lockIn,
      cells: {
        ws: [w("wsLockIn")],
        socketio: [w("ioLockIn"), link("factsLink", LESSON.facts), close],
        sse: [w("sseLockIn")],
      },
    },
  ];
}

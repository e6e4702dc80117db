// The pages a cell of the verdict links to, and the words of those links
// that are not the table's own words (words.ts), in each locale.
import type { Locale } from "../.vitepress/theme/i18n.js";
import type { Words } from "./words.js";

// The pages a cell links to, per locale.
export const LESSON = {
  wsReconnect: "/ws/#_7-the-browser-page",
  wsClientUrl: "/ws/#_7-the-browser-page",
  ioClientScript: "/socketio/#_2-the-served-client-script",
  ioReconnect: "/socketio/#_8-reconnection-built-in",
  ioPolling: "/socketio/#_7-polling-first-then-the-upgrade",
  wsPush: "/ws/#_4-the-push-every-3-seconds-and-the-four-states",
  wsReplies: "/ws/#_5-messages-from-the-page",
  lessonTwo: "/rooms/",
  table: "/rooms/#what-each-feature-took",
  rooms: "/rooms/#rooms",
  acks: "/rooms/#acknowledgements",
  catchUp: "/rooms/#on-close-and-on-reconnect",
  wsFanOut: "/scale/#ws-the-fan-out-by-hand",
  ioAdapter: "/scale/#socket-io-the-adapter",
  sticky: "/scale/deploy#stickiness",
  upgradeProxy: "/scale/deploy#a-proxy-that-drops-upgrade",
  lesson1: "/measured#lesson-1",
  across: "/measured#across",
  roomsMeasured: "/measured#rooms",
  wire: "/on-the-wire",
  protocol: "/rooms/protocol",
  rfc: "https://www.rfc-editor.org/rfc/rfc6455",
  facts: "#facts",
} as const;

export const LINK_WORDS = {
  en: {
    lesson1ws: "Lesson 1, ws",
    lesson1io: "Lesson 1, Socket.IO, step 2",
    lesson1Measured: "Measured, Lesson 1",
    across: "Measured, transport against transport",
    lesson2: "Lesson 2",
    lesson2Measured: "Measured, Lesson 2",
    acks: "Lesson 2, acknowledgements",
    rooms: "Lesson 2, rooms",
    table: "Lesson 2's table",
    wsFanOut: "Lesson 3, ws",
    ioAdapter: "Lesson 3, Socket.IO",
    sticky: "stickiness",
    polling: "Lesson 1, Socket.IO, step 7",
    wire: "On the wire",
  },
  ko: {
    lesson1ws: "1강, ws",
    lesson1io: "1강 Socket.IO 2단계",
    lesson1Measured: "측정 결과, 1강",
    across: "측정 결과, 전송 방식끼리",
    lesson2: "2강",
    lesson2Measured: "측정 결과, 2강",
    acks: "2강, 확인 응답",
    rooms: "2강, 채팅방",
    table: "2강의 표",
    wsFanOut: "3강, ws",
    ioAdapter: "3강, Socket.IO",
    sticky: "스티키 세션",
    polling: "1강 Socket.IO 7단계",
    wire: "네트워크에 실제로 오가는 것",
  },
} as const satisfies Record<Locale, Words>;

export type LinkKey = keyof (typeof LINK_WORDS)["en"];

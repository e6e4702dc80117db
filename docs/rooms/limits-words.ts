// The words of the rooms protocol's "Limits" table, per locale, keyed by
// the names in packages/rooms/src/limits.ts (LIMITS). The numbers are never
// written here: the table reads them from LIMITS. A limit added there shows
// up in the table by its key name until it gets its words here;
// test/protocol.test.ts asks for them in both locales.
import type { Locale } from "../.vitepress/theme/i18n.js";
import type { LIMITS } from "@repo/rooms";

export interface LimitWords {
  /** What the limit bounds, as a table cell. */
  readonly what: string;
  /** The unit after the number. */
  readonly unit: string;
}

export type LimitName = keyof typeof LIMITS;

export const LIMIT_WORDS: Record<
  Locale,
  Partial<Record<LimitName, LimitWords>>
> = {
  en: {
    maxRoomsPerConnection: {
      what: "Rooms one connection may be in at once",
      unit: "rooms",
    },
    sayBurst: {
      what: "`say` at once: the rate limit's bucket",
      unit: "messages",
    },
    sayRefillMs: {
      what: "then one more `say` back every",
      unit: "ms",
    },
    typingIntervalMs: {
      what: "`typing` relayed at most once per connection and room every",
      unit: "ms",
    },
    membershipBurst: {
      what: "`join` and `leave` together at once (each one sends `system` and `presence` to every member)",
      unit: "requests",
    },
    membershipRefillMs: {
      what: "then one more `join` or `leave` back every",
      unit: "ms",
    },
    requestBurst: {
      what: "Requests of any event at once, bad ones included: the overall budget",
      unit: "requests",
    },
    requestRefillMs: {
      what: "then one more request back every",
      unit: "ms",
    },
    refusalsBeforeClose: {
      what: "Requests refused as too fast before the connection is closed (ws: 1008; Socket.IO: disconnected)",
      unit: "refusals",
    },
    refusalRefillMs: {
      what: "one refusal forgiven every",
      unit: "ms",
    },
    addressTypingBurst: {
      what: "`typing` relayed at once for one client address, all its connections together",
      unit: "signals",
    },
    addressTypingRefillMs: {
      what: "then one more `typing` for that address every",
      unit: "ms",
    },
    historyPerRoom: {
      what: "Messages kept per room, and the most a `join` gets back",
      unit: "messages",
    },
    maxRooms: {
      what: "Rooms kept in memory (the least recently used one without members goes first)",
      unit: "rooms",
    },
    maxNameLength: {
      what: "A name, after trimming spaces",
      unit: "characters",
    },
    maxTextLength: {
      what: "A message's text, after trimming spaces",
      unit: "characters",
    },
  },
  ko: {
    maxRoomsPerConnection: {
      what: "연결 하나가 동시에 들어가 있을 수 있는 방",
      unit: "개",
    },
    sayBurst: {
      what: "한 번에 보낼 수 있는 `say`: 속도 제한의 버킷",
      unit: "개",
    },
    sayRefillMs: {
      what: "그다음 `say` 하나가 다시 채워지는 간격",
      unit: "ms",
    },
    typingIntervalMs: {
      what: "연결과 방마다 `typing`을 전달하는 최소 간격",
      unit: "ms",
    },
    membershipBurst: {
      what: "한 번에 보낼 수 있는 `join`과 `leave`를 합한 수 (하나하나가 모든 멤버에게 `system`과 `presence`를 보냄)",
      unit: "개",
    },
    membershipRefillMs: {
      what: "그다음 `join`이나 `leave` 하나가 다시 채워지는 간격",
      unit: "ms",
    },
    requestBurst: {
      what: "이벤트와 상관없이 한 번에 보낼 수 있는 요청 (잘못된 요청 포함): 전체 예산",
      unit: "개",
    },
    requestRefillMs: {
      what: "그다음 요청 하나가 다시 채워지는 간격",
      unit: "ms",
    },
    refusalsBeforeClose: {
      what: "너무 빨라서 거절된 요청이 이만큼 쌓이면 연결을 닫음 (ws: 1008, Socket.IO: 연결 끊기)",
      unit: "번",
    },
    refusalRefillMs: {
      what: "거절 하나를 잊어 주는 간격",
      unit: "ms",
    },
    addressTypingBurst: {
      what: "클라이언트 주소 하나(그 주소의 모든 연결을 합해)에 한 번에 전달하는 `typing`",
      unit: "개",
    },
    addressTypingRefillMs: {
      what: "그 주소의 `typing` 하나가 다시 채워지는 간격",
      unit: "ms",
    },
    historyPerRoom: {
      what: "방마다 보관하는 메시지, `join`이 돌려받는 최대 개수",
      unit: "개",
    },
    maxRooms: {
      what: "메모리에 두는 방 (멤버가 없는 방 중 가장 오래 안 쓴 것부터 지움)",
      unit: "개",
    },
    maxNameLength: {
      what: "이름, 앞뒤 공백을 잘라낸 뒤",
      unit: "자",
    },
    maxTextLength: {
      what: "메시지 텍스트, 앞뒤 공백을 잘라낸 뒤",
      unit: "자",
    },
  },
};

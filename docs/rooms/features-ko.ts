// Lesson 2's "what each feature took" table in Korean: kept apart from
// features.ts, which reads files with node:fs, so that the page's
// component can import it in the browser.
/**
 * The table's words in Korean, keyed by the English text: each feature's
 * name and each "built in" note. The rows keep their English names as
 * keys (data-feature), so both locales' tables are checked the same way;
 * test/i18n.test.ts fails when a name has no Korean entry.
 */
export const FEATURE_TEXT_KO: Readonly<Record<string, string>> = {
  rooms: "방(room)",
  "broadcast to a room": "방에 브로드캐스트",
  "built in: rooms.to(room).emit": "내장: rooms.to(room).emit",
  acknowledgements: "확인 응답(ack)",
  "built in: the ack callback": "내장: ack 콜백",
  join: "입장(join)",
  "catch-up after a reconnect": "재연결 뒤 따라잡기",
  leave: "퇴장(leave)",
  say: "말하기(say)",
  typing: "입력 중 표시(typing)",
  "reading, checking and routing requests (rate limit included)":
    "요청 읽기, 검사, 라우팅 (속도 제한 포함)",
  "close: leave every room": "연결 종료: 모든 방에서 퇴장",
  "page: requests with a timeout": "페이지: 타임아웃이 있는 요청",
  "page: catch-up on reconnect": "페이지: 재연결 때 따라잡기",
};

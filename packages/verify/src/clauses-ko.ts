// The contract's clauses that the exercises run, named and explained in
// Korean for verify's Korean report (the contract keeps its English, the
// names Vitest shows). Keyed by the clause's id; korean.test.ts checks that
// every clause an exercise names is here.

export interface ClauseWords {
  readonly name: string;
  readonly expected: string;
}

export const clausesInKorean: Readonly<Record<string, ClauseWords>> = {
  // Lesson 1, the server: transportClauses
  welcome: {
    name: "연결하면 클라이언트가 누구인지 알려 준다",
    expected:
      "연결한 클라이언트는 비어 있지 않은 아이디와 IP(여기서는 127.0.0.1)가 담긴 `welcome`을 받고, /stats는 열린 연결 하나를 셉니다.",
  },
  "first-push": {
    name: "첫 메시지를 seq 1로 푸시한다",
    expected: "welcome 다음에 서버가 seq가 1인 `news`를 푸시합니다.",
  },
  cadence: {
    name: "간격을 지킨다: 간격마다 푸시 하나, 순서대로",
    expected:
      "PUSH_INTERVAL_MS마다 `news`가 하나씩, 1, 2, 3… 순서대로 번호가 붙어 오고, 그보다 빨리 오지 않습니다.",
  },
  replies: {
    name: "답장을 서버에 전달한다",
    expected:
      "클라이언트가 보낸 `reply`는 모두 서버에 닿습니다. /stats가 `received`에 셉니다.",
  },
  "ip-direct": {
    name: "직접 연결한 클라이언트는 TCP 상대의 주소로 안다",
    expected: "직접 연결한 클라이언트는 TCP 상대(peer)의 주소로 알아봅니다.",
  },
  "ip-spoofed": {
    name: "신뢰하는 프록시가 아닌 상대가 보낸 X-Forwarded-For는 무시한다",
    expected:
      '신뢰하는 프록시가 아닌 클라이언트는 X-Forwarded-For를 보내 자기 IP를 고를 수 없습니다. 127.0.0.3의 클라이언트가 "X-Forwarded-For: 203.0.113.66"을 보내도 여전히 127.0.0.3입니다.',
  },
  "ip-proxy": {
    name: "신뢰하는 프록시 뒤에서는 신뢰하지 않는 가장 오른쪽 주소를 쓴다",
    expected:
      '신뢰하는 프록시(127.0.0.2) 뒤에서 IP는 X-Forwarded-For에서 신뢰하는 프록시가 아닌 가장 오른쪽 주소입니다. "203.0.113.66, 198.51.100.7"이면 198.51.100.7입니다.',
  },
  "timers-baseline": {
    name: "연결과 해제를 200번 한 뒤 연결과 타이머가 처음으로 돌아온다",
    expected:
      "클라이언트 200개가 연결했다가 떠나면 열린 연결은 하나도 없고, Node의 타이머 수(/stats의 processTimers)는 처음 값으로 돌아옵니다. 연결이 시작한 타이머는 모두 그 연결이 닫힐 때 지워졌습니다.",
  },

  // Lesson 1, the page: pageClauses
  "page-connects": {
    name: "페이지를 보낸 서버에 연결한다",
    expected:
      "페이지는 자기를 불러온 서버(코드에 박아 넣은 값이 아닌, 페이지 자신의 호스트와 포트)에 연결하고, 서버는 그 연결을 셉니다.",
  },
  "page-news": {
    name: "푸시마다 목록에 보여 준다",
    expected:
      "페이지는 `news`마다 목록(#messages)에 줄을 하나씩 더합니다. 1초쯤 지나면 `li.news`가 두 개 이상 있습니다.",
  },
  "page-replies": {
    name: "푸시마다 서버가 받는 답장으로 답한다",
    expected:
      "페이지는 연결되어 있는 동안 `news`마다 `reply`({seq, text})로 답하고, 서버가 그것을 받습니다(/stats의 `received`).",
  },
  "page-no-errors": {
    name: "잡히지 않은 오류 없이 실행된다",
    expected: "페이지의 코드가 잡히지 않은 오류를 던지지 않습니다.",
  },
  "page-reconnects": {
    name: "서버가 다시 시작한 뒤 스스로 재연결한다",
    expected:
      "서버가 사라졌다가 같은 포트로 돌아오면, 페이지는 새로 고침 없이 스스로 다시 연결합니다.",
  },

  // Lesson 2: roomsClauses
  join: {
    name: "입장에 정렬된 멤버 목록과 방의 기록으로 답한다",
    expected:
      "입장에는 {ok: true, room, members(정렬됨, 들어온 사람 포함, 이름 앞뒤 공백 제거), history, complete}로 답합니다.",
  },
  broadcast: {
    name: "메시지를 보낸 사람을 포함한 모든 멤버에게 한 순서로 전달한다",
    expected:
      "`say`는 방의 모든 멤버에게, 보낸 사람을 포함해 `message`로 닿고, 모든 멤버가 메시지를 같은 순서로 봅니다.",
  },
  "presence-join": {
    name: "입장은 다른 사람들에게, 접속자 목록은 모두에게 알린다",
    expected:
      "bob이 들어오면 다른 사람들은 `system` 입장 메시지를 받고, bob을 포함한 모두가 새 `presence` 목록을 받습니다.",
  },
  "join-twice": {
    name: "같은 방에 두 번 입장하면 ok로 답하고, system 메시지를 두 번 보내지 않는다",
    expected:
      "이미 들어가 있는 방에 다시 입장하면 ok로 답하고, 다른 사람들은 두 번째 입장 메시지를 받지 않습니다.",
  },
  "not-in-room-say": {
    name: "들어가지 않은 방에 say하면 not-in-room으로 답한다",
    expected:
      "클라이언트가 들어가지 않은 방에 보낸 say는 not-in-room과, 먼저 입장하라는 메시지로 거절됩니다.",
  },
  leave: {
    name: "멤버가 나가거나 연결이 닫히면 다른 사람들에게 알린다",
    expected:
      "나가거나 연결이 닫힌 멤버는 방에서 사라집니다. 다른 사람들은 `system` 퇴장 메시지와 새 `presence`를 받습니다.",
  },
  "catch-up": {
    name: "`after`로 따라잡고, 기록이 거기까지 남아 있지 않으면 그렇다고 알린다",
    expected:
      "`after`를 담은 입장은 그 아이디 다음의 메시지를 받습니다. 방이 그 메시지를 더는 갖고 있지 않으면(방은 50개만 보관) 답에 complete: false가 담깁니다.",
  },
  "rooms-baseline": {
    name: "모든 클라이언트가 닫힌 뒤 연결과 타이머가 처음으로 돌아온다",
    expected:
      "모든 클라이언트가 닫히면 열린 연결은 없고, 그 클라이언트들의 타이머도 남아 있지 않습니다(/stats).",
  },
};

import { defineConfig, type DefaultTheme } from "vitepress";

// Two locales: English at /, Korean at /ko/ (a physical mirror, docs/ko/,
// not `rewrites`: VitePress 1.6's local search would index rewritten pages
// under the wrong locale). Each Korean page carries the English heading
// slugs as explicit anchors, so the language switcher, which keeps the
// hash, lands on the same section.

// One path through the site, in the same order everywhere (nav, sidebar,
// the Start page's "Where to go next", and so the previous/next links at
// the foot of each page, which follow the sidebar): Start, Lesson 1 (ws,
// Socket.IO, side by side), Lesson 2, Lesson 3, Which one.
// test/path.test.ts holds that order.

const enNav: DefaultTheme.NavItem[] = [
  { text: "Start here", link: "/" },
  {
    text: "Lesson 1",
    items: [
      { text: "ws", link: "/ws/" },
      { text: "Socket.IO", link: "/socketio/" },
      { text: "Side by side", link: "/side-by-side" },
    ],
  },
  { text: "Lesson 2: rooms", link: "/rooms/" },
  { text: "Lesson 3: scale", link: "/scale/" },
  { text: "Which one?", link: "/verdict" },
  { text: "Instructors", link: "/instructors" },
];

const enSidebar: DefaultTheme.SidebarItem[] = [
  { text: "Start here", link: "/" },
  {
    text: "Lesson 1: server push",
    items: [
      { text: "The ws path, step by step", link: "/ws/" },
      { text: "The Socket.IO path, step by step", link: "/socketio/" },
      { text: "Side by side", link: "/side-by-side" },
    ],
  },
  {
    text: "Lesson 2: chat rooms",
    items: [
      { text: "Chat rooms, side by side", link: "/rooms/" },
      { text: "The rooms protocol", link: "/rooms/protocol" },
    ],
  },
  {
    text: "Lesson 3: more processes",
    items: [
      { text: "More than one process, on Redis", link: "/scale/" },
      { text: "Deploy: workers and nginx", link: "/scale/deploy" },
    ],
  },
  { text: "Which one should I use?", link: "/verdict" },
  {
    text: "Reference",
    items: [
      { text: "On the wire", link: "/on-the-wire" },
      { text: "Measured", link: "/measured" },
      { text: "Pitfalls from the original note", link: "/pitfalls" },
      { text: "How it works", link: "/how-it-works" },
      { text: "Troubleshooting", link: "/troubleshooting" },
      { text: "For instructors", link: "/instructors" },
      { text: "Glossary", link: "/glossary" },
    ],
  },
];

const koNav: DefaultTheme.NavItem[] = [
  { text: "시작하기", link: "/ko/" },
  {
    text: "1강",
    items: [
      { text: "ws", link: "/ko/ws/" },
      { text: "Socket.IO", link: "/ko/socketio/" },
      { text: "나란히 보기", link: "/ko/side-by-side" },
    ],
  },
  { text: "2강: 채팅방", link: "/ko/rooms/" },
  { text: "3강: 확장", link: "/ko/scale/" },
  { text: "무엇을 고를까", link: "/ko/verdict" },
  { text: "강사용", link: "/ko/instructors" },
];

const koSidebar: DefaultTheme.SidebarItem[] = [
  { text: "시작하기", link: "/ko/" },
  {
    text: "1강: 서버 푸시",
    items: [
      { text: "ws로 한 단계씩", link: "/ko/ws/" },
      { text: "Socket.IO로 한 단계씩", link: "/ko/socketio/" },
      { text: "나란히 보기", link: "/ko/side-by-side" },
    ],
  },
  {
    text: "2강: 채팅방",
    items: [
      { text: "채팅방, 나란히 보기", link: "/ko/rooms/" },
      { text: "채팅방 프로토콜", link: "/ko/rooms/protocol" },
    ],
  },
  {
    text: "3강: 프로세스 여러 개",
    items: [
      { text: "여러 프로세스, Redis로", link: "/ko/scale/" },
      { text: "배포: 워커와 nginx", link: "/ko/scale/deploy" },
    ],
  },
  { text: "무엇을 고를까", link: "/ko/verdict" },
  {
    text: "참고",
    items: [
      { text: "네트워크에 실제로 오가는 것", link: "/ko/on-the-wire" },
      { text: "측정 결과", link: "/ko/measured" },
      { text: "원본 노트의 함정", link: "/ko/pitfalls" },
      { text: "내부 동작", link: "/ko/how-it-works" },
      { text: "문제 해결", link: "/ko/troubleshooting" },
      { text: "강사용 안내", link: "/ko/instructors" },
      { text: "용어집", link: "/ko/glossary" },
    ],
  },
];

/** The local search, with the Korean locale's texts. */
const search: DefaultTheme.Config["search"] = {
  provider: "local",
  options: {
    // The index keeps a page's text, not its colours: its own renderer
    // (this md) skips Shiki, the slowest step of rendering a page, which
    // the build would otherwise do twice for every code block. The words
    // of the code are indexed all the same.
    _render(src, env, md) {
      md.options.highlight = null;
      return md.render(src, env);
    },
    locales: {
      // The Korean locale's search box; the root (English) one keeps
      // VitePress's own texts.
      ko: {
        translations: {
          button: { buttonText: "검색", buttonAriaLabel: "검색" },
          modal: {
            displayDetails: "자세히 보기",
            resetButtonTitle: "검색어 지우기",
            backButtonTitle: "검색 닫기",
            noResultsText: "검색 결과가 없습니다",
            footer: {
              selectText: "이동",
              selectKeyAriaLabel: "엔터",
              navigateText: "위아래로 고르기",
              navigateUpKeyAriaLabel: "위 화살표",
              navigateDownKeyAriaLabel: "아래 화살표",
              closeText: "닫기",
              closeKeyAriaLabel: "esc",
            },
          },
        },
      },
    },
  },
};

export default defineConfig({
  title: "Server push on Node.js",
  description:
    "One realtime scenario on ws and on Socket.IO, step by step and side by side.",
  cleanUrls: true,
  // Without an icon, every page's console shows a 404 for /favicon.ico.
  head: [
    ["link", { rel: "icon", type: "image/svg+xml", href: "/favicon.svg" }],
  ],
  srcExclude: ["test/**", "README.md"],
  // Dead internal links fail the build; only links to the running demos
  // (http://localhost:8001...) cannot be checked at build time.
  ignoreDeadLinks: "localhostLinks",
  locales: {
    root: {
      label: "English",
      lang: "en-US",
      themeConfig: { nav: enNav, sidebar: enSidebar },
    },
    ko: {
      label: "한국어",
      lang: "ko-KR",
      link: "/ko/",
      title: "Node.js 서버 푸시",
      description:
        "하나의 실시간 시나리오를 ws와 Socket.IO로, 한 단계씩 나란히 만들어 봅니다.",
      themeConfig: {
        nav: koNav,
        sidebar: koSidebar,
        outline: { level: [2, 3], label: "이 페이지에서" },
        docFooter: { prev: "이전 페이지", next: "다음 페이지" },
        darkModeSwitchLabel: "화면 모드",
        lightModeSwitchTitle: "밝은 화면으로",
        darkModeSwitchTitle: "어두운 화면으로",
        sidebarMenuLabel: "메뉴",
        returnToTopLabel: "맨 위로",
        langMenuLabel: "언어 바꾸기",
        skipToContentLabel: "본문으로 건너뛰기",
        lastUpdated: { text: "마지막 수정" },
        notFound: {
          title: "페이지를 찾을 수 없습니다",
          quote:
            "주소가 바뀌었거나 없는 페이지입니다. 왼쪽 목록이나 검색으로 찾아 보세요.",
          linkLabel: "한국어 첫 페이지로",
          linkText: "시작하기로 돌아가기",
        },
      },
    },
  },
  themeConfig: {
    outline: { level: [2, 3], label: "On this page" },
    // Built before `vitepress dev` listens (every page rendered once more:
    // 8 of its 10 s here). DOCS_SEARCH=off starts it without:
    // ports.demos.test.ts's LAN-mode server, which checks only whom the
    // server answers. Every other start, and the build, has search.
    search: process.env.DOCS_SEARCH === "off" ? undefined : search,
  },
});

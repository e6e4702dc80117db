import { defineConfig } from "vitepress";

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
  themeConfig: {
    nav: [
      { text: "Start here", link: "/" },
      { text: "ws", link: "/ws/" },
      { text: "Socket.IO", link: "/socketio/" },
      { text: "Side by side", link: "/side-by-side" },
      { text: "Lesson 2: rooms", link: "/rooms/" },
      { text: "Lesson 3: scale", link: "/scale/" },
      { text: "Instructors", link: "/instructors" },
    ],
    sidebar: [
      { text: "Start here", link: "/" },
      { text: "The ws path, step by step", link: "/ws/" },
      { text: "The Socket.IO path, step by step", link: "/socketio/" },
      { text: "Side by side", link: "/side-by-side" },
      { text: "Lesson 2: chat rooms, side by side", link: "/rooms/" },
      {
        text: "Lesson 3",
        items: [
          { text: "More than one process, on Redis", link: "/scale/" },
          { text: "Deploy: workers and nginx", link: "/scale/deploy" },
        ],
      },
      { text: "On the wire", link: "/on-the-wire" },
      { text: "Measured", link: "/measured" },
      { text: "Pitfalls from the original note", link: "/pitfalls" },
      { text: "How it works", link: "/how-it-works" },
      { text: "Troubleshooting", link: "/troubleshooting" },
      { text: "For instructors", link: "/instructors" },
    ],
    outline: [2, 3],
    search: { provider: "local" },
  },
});

// Exercise ws-browser-client: YOUR FILE, the page's WebSocket code. The
// page loads it as /assets/client/main.js; view.ts (provided) has
// showState, showDetail and addLine to show things on the page.
// Step 7 of "The ws path".
//
// This is the original study note's client (wsclient.js) in TypeScript,
// as it was. Run
//   npm run verify -- ws-browser-client
// and fix what it reports.

window.onload = () => {
  const webSocket = new WebSocket("ws://localhost:8001");
  webSocket.onopen = () => {
    console.log("WebSocket connected");
  };

  webSocket.onmessage = () => {
    console.log((event as MessageEvent<string>).data);
    webSocket.send("client -> server: a reply");
  };
};

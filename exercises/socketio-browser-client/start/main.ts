// Exercise socketio-browser-client: YOUR FILE, the page's Socket.IO code.
// The page loads /socket.io/socket.io.min.js (the global `io`), then this file
// as /assets/client/main.js; view.ts (provided) has showState, showDetail
// and addLine to show things on the page.
// Steps 2, 7 and 8 of "The Socket.IO path".
//
// This is the original study note's client (socketClient.js) in
// TypeScript, as it was. Run
//   npm run verify -- socketio-browser-client
// and fix what it reports.

window.onload = () => {
  // The note wrote io.connect(...): the same function, which the types call io.
  const socket = io("http://localhost:8001", {
    path: "/socket.io",
  });
  socket.on("news", (data: unknown) => {
    console.log(data);
    socket.emit("reply", "Hello Node.js");
  });
};

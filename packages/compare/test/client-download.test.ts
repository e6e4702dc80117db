// What the browser downloads: which scripts a page loads, and their bytes,
// exact: each figure is a file's length or zlib's output for it. First on
// a page of known files, then on both demos as they run (the built tool,
// see measure.test.ts).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  measurePage,
  moduleImports,
  scriptTags,
} from "../src/bench/client-download.js";
import type * as DownloadModule from "../src/bench/client-download.js";

const built = (path: string) =>
  new URL(`../dist/${path}`, import.meta.url).href;
const { measureClientDownload } = (await import(
  built("bench/client-download.js")
)) as typeof DownloadModule;

describe("finding a page's scripts", () => {
  it("reads <script src> tags in order, and which are modules", () => {
    const html =
      '<head><script src="/socket.io/socket.io.min.js"></script>' +
      '<script type="module" src="/assets/client/main.js"></script>' +
      "<script>inline()</script></head>";
    expect(scriptTags(html)).toEqual([
      { src: "/socket.io/socket.io.min.js", module: false },
      { src: "/assets/client/main.js", module: true },
    ]);
  });

  it("follows a module's static imports, as tsc writes them", () => {
    const code = [
      'import { ChatView, } from "/assets/rooms/browser/chat-view.js";',
      "import { ROOMS_WS_PATH } from '../protocol.js';",
      'import "./side-effect.js";',
      'export * from "./more.js";',
      'const text = "import x from nowhere";',
    ].join("\n");
    expect(moduleImports(code)).toEqual([
      "/assets/rooms/browser/chat-view.js",
      "../protocol.js",
      "./side-effect.js",
      "./more.js",
    ]);
  });
});

describe("a page of known files", () => {
  const files: Record<string, string> = {
    "/": '<script src="/socket.io/socket.io.js"></script><script type="module" src="/a/main.js"></script>',
    "/socket.io/socket.io.js": "/* the library, unminified */ ".repeat(40),
    "/socket.io/socket.io.min.js": "lib();".repeat(20),
    "/a/main.js": 'import { x } from "./shared.js";\nx();\n',
    "/a/shared.js": "export const x = () => 1;\n",
  };
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      const body = files[request.url ?? ""];
      if (body === undefined) response.writeHead(404).end();
      else response.end(body);
    });
    server.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  it("sums each script's bytes, the library's minified file in the minified column", async () => {
    const page = await measurePage(origin, "/");
    expect(page.scripts.map((script) => [script.path, script.kind])).toEqual([
      ["/socket.io/socket.io.js", "library"],
      ["/a/main.js", "page"],
      ["/a/shared.js", "page"],
    ]);
    const length = (path: string) => Buffer.byteLength(files[path]!);
    const minified = [
      files["/socket.io/socket.io.min.js"]!,
      files["/a/main.js"]!,
      files["/a/shared.js"]!,
    ];
    expect(page.served).toBe(
      length("/socket.io/socket.io.js") +
        length("/a/main.js") +
        length("/a/shared.js"),
    );
    // This server compresses nothing: on the wire is what it serves.
    expect(page.transferred).toBe(page.served);
    // The page loads the unminified library already.
    expect(page.unminified).toBe(page.served);
    expect(page.minified).toBe(
      minified.reduce((sum, file) => sum + Buffer.byteLength(file), 0),
    );
    // Each file compressed on its own, as each is a response of its own.
    expect(page.gzip).toBe(
      minified.reduce((sum, file) => sum + gzipSync(file).length, 0),
    );
    expect(page.brotli).toBe(
      minified.reduce((sum, file) => sum + brotliCompressSync(file).length, 0),
    );
  });
});

describe("both demos' pages, as they run", () => {
  // The files the socket.io package ships (its exports name only package.json).
  const socketIoClient = (file: string) =>
    readFileSync(
      join(
        dirname(
          createRequire(import.meta.url).resolve("socket.io/package.json"),
        ),
        "client-dist",
        file,
      ),
    );

  it("ws loads only its own code; Socket.IO its minified client too", async () => {
    const download = await measureClientDownload();
    for (const page of [download.ws, download.ws.rooms])
      expect(page.scripts.every((script) => script.kind === "page")).toBe(true);
    for (const page of [download.socketio, download.socketio.rooms]) {
      // The page's own scripts (the wire panel's among them) may come first.
      const library = page.scripts.find((script) => script.kind === "library");
      expect(library!.path).toBe("/socket.io/socket.io.min.js");
      expect(library!.served).toBe(socketIoClient("socket.io.min.js").length);
      expect(library!.unminified).toBe(socketIoClient("socket.io.js").length);
      expect(library!.brotli).toBe(
        brotliCompressSync(socketIoClient("socket.io.min.js")).length,
      );
      // Socket.IO compresses its client when the browser asks for it.
      expect(library!.encoding).not.toBe("none");
      expect(library!.transferred).toBeLessThan(library!.served);
    }
    // The lesson 1 page: the library is most of what Socket.IO's loads.
    expect(download.socketio.brotli).toBeGreaterThan(5 * download.ws.brotli);
  }, 30_000);
});

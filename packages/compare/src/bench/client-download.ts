// What the browser downloads to run each demo's pages: every script the
// page loads (its <script src> tags and, for module scripts, everything
// they import), fetched over HTTP from the demo as it runs. Native
// WebSocket costs the ws page nothing to download; the Socket.IO page
// loads the client library first.
//
// Four figures per page, each the sum over its scripts (each script is a
// response of its own, so each is compressed on its own):
// - served: the bytes of the code as the demo serves it, uncompressed;
// - transferred: what goes over the wire today, when the request says
//   what a browser says (Accept-Encoding: gzip, deflate, br);
// - unminified: the same with Socket.IO's socket.io.js, the unminified
//   build, which the demo's pages loaded until they switched;
// - minified: as a production page would load it: Socket.IO's minified
//   bundle (socket.io.min.js, shipped in the socket.io package and served
//   beside socket.io.js); the pages' own scripts are small and left as
//   they are;
// - gzip and brotli: the minified figure compressed by node:zlib with its
//   defaults (gzip level 6; brotli quality 11, as for files compressed
//   once, ahead of time).
import { request } from "node:http";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { spawnApp } from "@repo/contract";
import { serverEntries } from "./servers.js";

export interface DownloadedScript {
  readonly path: string;
  /** Socket.IO's client library, or the page's own code. */
  readonly kind: "library" | "page";
  readonly served: number;
  readonly transferred: number;
  /** The compression the demo chose for `transferred`, or "none". */
  readonly encoding: string;
  readonly unminified: number;
  readonly minified: number;
  readonly gzip: number;
  readonly brotli: number;
}

export interface PageDownload {
  readonly page: string;
  readonly served: number;
  readonly transferred: number;
  readonly unminified: number;
  readonly minified: number;
  readonly gzip: number;
  readonly brotli: number;
  readonly scripts: readonly DownloadedScript[];
}

/** Lesson 1's push page, with lesson 2's chat page beside it. */
export interface TransportDownload extends PageDownload {
  readonly rooms: PageDownload;
}

/** What `compare` writes as the top-level `clientDownload` object of its JSON. */
export interface ClientDownload {
  readonly ws: TransportDownload;
  readonly socketio: TransportDownload;
}

/** What a browser says it can decode (Chromium adds zstd, which neither demo speaks). */
const BROWSER_ACCEPT_ENCODING = "gzip, deflate, br";

interface Fetched {
  readonly status: number;
  readonly encoding: string;
  /** The body as it came over the wire, not decompressed. */
  readonly body: Buffer;
}

function fetchRaw(url: string, acceptEncoding: string): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const get = request(url, {
      agent: false,
      headers: { "accept-encoding": acceptEncoding },
    });
    get.on("error", reject);
    get.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          encoding: response.headers["content-encoding"] ?? "none",
          body: Buffer.concat(chunks),
        }),
      );
    });
    get.end();
  });
}

async function fetchOk(
  url: string,
  acceptEncoding = "identity",
): Promise<Fetched> {
  const fetched = await fetchRaw(url, acceptEncoding);
  if (fetched.status !== 200)
    throw new Error(`GET ${url} answered ${fetched.status}`);
  return fetched;
}

/** The scripts a page's HTML loads, in order, and whether each is a module. */
export function scriptTags(
  html: string,
): Array<{ src: string; module: boolean }> {
  return [...html.matchAll(/<script\b([^>]*)>/g)].flatMap(([, attributes]) => {
    const src = /\bsrc="([^"]+)"/.exec(attributes!)?.[1];
    return src ? [{ src, module: /\btype="module"/.test(attributes!) }] : [];
  });
}

/** The modules a module script imports statically (`import … from "x"`, `import "x"`, `export … from "x"`). */
export function moduleImports(code: string): string[] {
  return [
    ...code.matchAll(
      /^\s*(?:import|export)\s*(?:[\w*{}\s,$]+\s*from\s*)?["']([^"']+)["']/gm,
    ),
  ].map((match) => match[1]!);
}

/** Socket.IO's served client, as the minified file beside it, and the reverse. */
const minifiedLibrary = (path: string) =>
  path.replace(/\/socket\.io\.js$/, "/socket.io.min.js");
const unminifiedLibrary = (path: string) =>
  path.replace(/\/socket\.io\.min\.js$/, "/socket.io.js");
const isLibrary = (path: string) => /\/socket\.io(\.min)?\.js$/.test(path);

async function measureScript(
  origin: string,
  path: string,
): Promise<DownloadedScript> {
  const url = new URL(path, origin).href;
  const [served, wire] = await Promise.all([
    fetchOk(url),
    fetchOk(url, BROWSER_ACCEPT_ENCODING),
  ]);
  const library = isLibrary(path);
  const sibling = async (of: (path: string) => string) =>
    library
      ? (await fetchOk(new URL(of(path), origin).href)).body
      : served.body;
  const minified = await sibling(minifiedLibrary);
  const unminified = await sibling(unminifiedLibrary);
  return {
    path,
    kind: library ? "library" : "page",
    served: served.body.length,
    transferred: wire.body.length,
    encoding: wire.encoding,
    unminified: unminified.length,
    minified: minified.length,
    gzip: gzipSync(minified).length,
    brotli: brotliCompressSync(minified).length,
  };
}

/** Every script `page` loads from `origin`, imports followed, each once. */
export async function measurePage(
  origin: string,
  page: string,
): Promise<PageDownload> {
  const html = (await fetchOk(new URL(page, origin).href)).body.toString(
    "utf8",
  );
  const scripts: DownloadedScript[] = [];
  const seen = new Set<string>();
  const visit = async (path: string, module: boolean): Promise<void> => {
    if (seen.has(path)) return;
    seen.add(path);
    const script = await measureScript(origin, path);
    scripts.push(script);
    if (!module) return;
    const code = (await fetchOk(new URL(path, origin).href)).body.toString(
      "utf8",
    );
    for (const imported of moduleImports(code))
      await visit(new URL(imported, new URL(path, origin)).pathname, true);
  };
  for (const tag of scriptTags(html))
    await visit(new URL(tag.src, new URL(page, origin)).pathname, tag.module);
  const total = (
    key:
      "served" | "transferred" | "unminified" | "minified" | "gzip" | "brotli",
  ) => scripts.reduce((sum, script) => sum + script[key], 0);
  return {
    page,
    served: total("served"),
    transferred: total("transferred"),
    unminified: total("unminified"),
    minified: total("minified"),
    gzip: total("gzip"),
    brotli: total("brotli"),
    scripts,
  };
}

async function measureDemo(
  name: "ws-demo" | "socketio-demo",
): Promise<TransportDownload> {
  const app = await spawnApp(name, serverEntries[name]);
  try {
    const push = await measurePage(app.origin, "/");
    return { ...push, rooms: await measurePage(app.origin, "/rooms") };
  } finally {
    await app.stop();
  }
}

/** Starts both demos, reads what their pages load, and stops them. */
export async function measureClientDownload(): Promise<ClientDownload> {
  const [ws, socketio] = await Promise.all([
    measureDemo("ws-demo"),
    measureDemo("socketio-demo"),
  ]);
  return { ws, socketio };
}

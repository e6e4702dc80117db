// The built site (docs/.vitepress/dist), served the way cleanUrls expects,
// for the browser tests.
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join } from "node:path";
import { docsRoot } from "./markdown.js";

export const dist = join(docsRoot, ".vitepress/dist");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
};

/** The URL path of a page: index.md -> /, ws/index.md -> /ws/, pitfalls.md -> /pitfalls. */
export const urlOf = (page: string) =>
  `/${page.replace(/index\.md$/, "").replace(/\.md$/, "")}`;

/** Serves dist/ the way cleanUrls expects: /pitfalls -> pitfalls.html. */
export function fileFor(urlPath: string): string | undefined {
  const clean = decodeURIComponent(urlPath.split("?")[0]!.split("#")[0]!);
  for (const candidate of [clean, `${clean}.html`, join(clean, "index.html")]) {
    const path = join(dist, candidate);
    if (path.startsWith(dist) && existsSync(path) && extname(path)) return path;
  }
  return undefined;
}

/** Serves the built site on a free port; resolves with its origin and a stop function. */
export async function serveSite(): Promise<{
  origin: string;
  server: Server;
}> {
  const server = createServer((request, response) => {
    const file = fileFor(request.url ?? "/");
    if (!file) {
      response.writeHead(404).end("not found");
      return;
    }
    response.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
    });
    response.end(readFileSync(file));
  });
  server.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, server };
}

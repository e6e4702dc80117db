import express, { type Express } from "express";
import pug from "pug";
import type { Stats } from "@repo/demo-kit";

// views/ and public/ sit next to src/ and dist/, so one path serves both
// `tsx src/server.ts` and `node dist/server.js`.
const appRoot = new URL("../", import.meta.url);

/** Builds the Express app. It never listens: server.ts does. */
export function createApp(options: { stats: () => Stats }): Express {
  const app = express();
  // Register pug ourselves rather than letting Express require it by name,
  // which depends on where npm happened to hoist it.
  app.engine("pug", (path, locals, done) => pug.renderFile(path, locals, done));
  app.set("view engine", "pug");
  app.set("views", new URL("views/", appRoot).pathname);
  app.disable("x-powered-by");

  app.get("/", (_request, response) => {
    response.render("index", { title: "Server push with ws" });
  });
  app.get("/stats", (_request, response) => {
    response.json(options.stats());
  });
  app.use("/assets", express.static(new URL("dist/public/", appRoot).pathname));
  app.use("/assets", express.static(new URL("public/", appRoot).pathname));
  return app;
}

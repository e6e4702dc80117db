import express, { type Express } from "express";
import { fileURLToPath } from "node:url";
import pug from "pug";
import type { Stats } from "./stats.js";

// The shared layout and stylesheet, so the two pages can be compared by eye.
// fileURLToPath, not URL.pathname: on Windows a pathname is /C:/..., which
// Express and pug do not read as a path.
const sharedViews = fileURLToPath(new URL("../views/", import.meta.url));
const publicDir = fileURLToPath(new URL("../public/", import.meta.url));
// The wire panel's browser code (browser/), compiled: served at /assets/kit.
const kitBrowserDir = fileURLToPath(
  new URL("../dist/browser/", import.meta.url),
);

export interface DemoAppOptions {
  /** The page title: "Server push with ws"... */
  readonly title: string;
  /** The app's folder: its views/ and dist/public/ are found from here. */
  readonly appRoot: URL;
  readonly stats: () => Stats;
  /** More pages: a path, the view that renders it, and its title. */
  readonly pages?: ReadonlyArray<{
    readonly path: string;
    readonly view: string;
    readonly title: string;
  }>;
  /** More static folders under /assets: lesson 2's shared chat view. */
  readonly assets?: ReadonlyArray<{
    readonly path: string;
    readonly dir: string;
  }>;
}

/**
 * Builds a demo's Express app: the pug page at `/`, `GET /stats`, and the
 * browser code under `/assets`. It never listens: the app's server.ts does.
 */
export function createDemoApp(options: DemoAppOptions): Express {
  const app = express();
  // #region express
  // Register pug ourselves rather than letting Express require it by name,
  // which depends on where npm happened to hoist it.
  app.engine("pug", (path, locals, done) => pug.renderFile(path, locals, done));
  app.set("view engine", "pug");
  app.set("views", fileURLToPath(new URL("views/", options.appRoot)));
  // `extends /layout.pug` in a view reads the shared layout from here.
  app.locals.basedir = sharedViews;
  app.disable("x-powered-by");

  app.get("/", (_request, response) => {
    response.render("index", { title: options.title });
  });
  app.get("/stats", (_request, response) => {
    response.json(options.stats());
  });
  for (const page of options.pages ?? []) {
    app.get(page.path, (_request, response) => {
      response.render(page.view, { title: page.title });
    });
  }
  // #endregion express
  // Compiled browser code (dist/public), then the shared stylesheet and
  // the wire panel.
  app.use(
    "/assets",
    express.static(fileURLToPath(new URL("dist/public/", options.appRoot))),
  );
  app.use("/assets", express.static(publicDir));
  app.use("/assets/kit", express.static(kitBrowserDir));
  for (const asset of options.assets ?? []) {
    app.use(asset.path, express.static(asset.dir));
  }
  return app;
}

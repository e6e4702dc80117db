// Sizes of folders, in bytes, the way `du` counts them: what the files
// take on disk (whole blocks), and what they hold.
import { lstatSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** `{ disk, content }` of every file under `dir` (symlinks not followed). */
export function sizeOf(dir) {
  let disk = 0;
  let content = 0;
  const walk = (path) => {
    const stat = lstatSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)) walk(join(path, name));
    } else if (stat.isFile()) {
      content += stat.size;
      // Windows reports no blocks: the size is the best it says.
      disk += stat.blocks === undefined ? stat.size : stat.blocks * 512;
    }
  };
  walk(dir);
  return { disk, content };
}

/** Every node_modules folder of an install: the root's and any workspace's. */
export function nodeModulesFolders(root) {
  const found = [];
  const walk = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const child = join(path, entry.name);
      if (entry.name === "node_modules") found.push(child);
      else walk(child);
    }
  };
  walk(root);
  return found;
}

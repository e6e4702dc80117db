import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/**
 * The full path of a program on PATH, as the shell would find it, or
 * undefined. On Windows, tries the extensions PATHEXT lists (.EXE...).
 */
export function findOnPath(name, env = process.env) {
  const folders = (env.PATH ?? env.Path ?? "").split(delimiter).filter(Boolean);
  const extensions =
    process.platform === "win32"
      ? (env.PATHEXT ?? ".EXE;.CMD;.BAT").split(";")
      : [""];
  for (const folder of folders) {
    for (const extension of extensions) {
      const path = join(folder, name + extension);
      try {
        accessSync(path, constants.X_OK);
        return path;
      } catch {
        // not here; the next folder
      }
    }
  }
  return undefined;
}

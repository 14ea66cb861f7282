// The --output file is checked before the first request: a promotion must not run only for its
// report to be lost to a missing folder at the end.
import { constants } from "node:fs";
import { access, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { UsageError } from "../core/util/usage-error.js";

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

/** Throws a UsageError naming `givenAs` and the path unless the report can be written there. */
export async function checkOutputFile(path: string, givenAs: string): Promise<void> {
  const where = `${givenAs} ${path}`;
  if (path.trim() === "") throw new UsageError(`${givenAs} is empty: give a file path`);
  const full = resolve(path);
  const existing = await stat(full).catch((error: unknown) => {
    if (code(error) === "ENOENT") return undefined;
    throw new UsageError(`${where}: cannot be checked (${code(error) ?? String(error)})`);
  });
  if (existing?.isDirectory()) throw new UsageError(`${where} is a folder; give a file path`);
  if (existing) {
    await access(full, constants.W_OK).catch(() => {
      throw new UsageError(`${where} cannot be written (no write permission)`);
    });
    return;
  }
  const folder = dirname(full);
  const parent = await stat(folder).catch(() => undefined);
  if (!parent)
    throw new UsageError(
      `${where}: the folder ${folder} does not exist; create it or give another path`,
    );
  if (!parent.isDirectory())
    throw new UsageError(`${where}: ${folder} is not a folder; give another path`);
  await access(folder, constants.W_OK | constants.X_OK).catch(() => {
    throw new UsageError(
      `${where}: the folder ${folder} cannot be written (no write permission); give another path`,
    );
  });
}

// Core wires a platform's runs from its mode table: the modes it offers are the table's, and the
// run and a later post step release through the platform's one release procedure.
import { describe, expect, it } from "vitest";
import { connectionFrom, type ModeProcedure, modesOf } from "../../../src/core/run/connection.js";
import { EngineFailure } from "../../../src/core/run/failure.js";
import type { Held } from "../../../src/core/run/shell.js";
import { MemoryLogger } from "../../../src/core/util/log.js";

const HELD: Held = { kind: "lease", id: "l-1", origin: "https://x.example", release: "give-back" };

function fakeProcedure(released: Array<[string, number]>): ModeProcedure<{ tag: string }, unknown> {
  return {
    modes: {
      "dry-run": async (ctx, hold) => {
        hold(HELD);
        return { result: "succeeded", message: `ran with ${ctx.tag}` };
      },
      status: async () => ({ result: "succeeded", message: "read" }),
    },
    context: () => ({ tag: "context" }),
    release: async (held, _logger, budgetMs) => {
      released.push([held.id, budgetMs]);
      return { released: true };
    },
    releaseCommand: (held) => `release ${held.id}`,
    classify: (error) =>
      error instanceof EngineFailure ? error : new EngineFailure("api-error", String(error)),
    details: { lists: [] },
  };
}

describe("connectionFrom", () => {
  it("runs the mode's work and releases what it took through the one release", async () => {
    const released: Array<[string, number]> = [];
    const connection = connectionFrom(
      { mode: "dry-run", timeoutMs: 60_000, timeScale: 1 },
      () => ["token"],
      fakeProcedure(released),
    );
    const result = await connection.run({ logger: new MemoryLogger() });
    expect(result).toMatchObject({
      result: "succeeded",
      message: "ran with context",
      promotionId: "l-1",
      lockReleased: true,
      details: { lists: [] },
    });
    expect(released.map(([id]) => id)).toEqual(["l-1"]);
    // The post step's release is the same procedure, with its own budget.
    await connection.release(HELD, new MemoryLogger(), 5_000);
    expect(released.at(-1)).toEqual(["l-1", 5_000]);
    expect(connection.releaseCommand(HELD)).toBe("release l-1");
    expect(connection.secrets()).toEqual(["token"]);
  });

  it("fails a mode the table does not have, without running anything", async () => {
    const released: Array<[string, number]> = [];
    const connection = connectionFrom(
      { mode: "promote", timeoutMs: 60_000, timeScale: 1 },
      () => [],
      fakeProcedure(released),
    );
    const result = await connection.run({ logger: new MemoryLogger() });
    expect(result).toMatchObject({ result: "failed", reason: "usage" });
    expect(released).toEqual([]);
  });
});

describe("modesOf", () => {
  it("lists a table's modes in its order, which help and messages show", () => {
    const work = async () => ({ result: "succeeded" as const, message: "" });
    expect(modesOf({ status: work, "rollback-preview": work, rollback: work })).toEqual([
      "status",
      "rollback-preview",
      "rollback",
    ]);
  });
});

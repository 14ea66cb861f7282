// Every promotion of the organization, with the queries the API's rules need.
import { randomUUID } from "node:crypto";
import type { PromotionRecord, Snapshot } from "./promotion-record.js";
import { cloneResources, type Environment } from "./resources.js";

export interface NewPromotion {
  source: Environment;
  target: Environment;
  status: string;
  description?: string;
  selectedResources?: string[];
  excludedResources?: string[];
  requestedMapping?: Record<string, string>;
  previousPromotionId?: string;
  id?: string;
  /** Snapshot ids the request named; the emulator snapshots the current state under them. */
  sourceSnapshotId?: string;
  targetSnapshotId?: string;
}

export function snapshot(env: Environment, id?: string): Snapshot {
  return { id: id ?? randomUUID(), resources: cloneResources(env.resources) };
}

export class PromotionStore {
  private readonly records = new Map<string, PromotionRecord>();
  private created = 0;
  private executed = 0;

  add(input: NewPromotion, now: number): PromotionRecord {
    const record: PromotionRecord = {
      id: input.id ?? randomUUID(),
      seq: ++this.created,
      sourceId: input.source.id,
      targetId: input.target.id,
      status: input.status,
      createdAt: now,
      updatedAt: now,
      requestedMapping: { ...input.requestedMapping },
      resourceMapping: { ...input.requestedMapping },
      sourceSnapshot: snapshot(input.source, input.sourceSnapshotId),
      targetSnapshot: snapshot(input.target, input.targetSnapshotId),
      applied: [],
      pending: [],
    };
    if (input.description !== undefined) record.description = input.description;
    if (input.selectedResources) record.selectedResources = [...input.selectedResources];
    if (input.excludedResources) record.excludedResources = [...input.excludedResources];
    if (input.previousPromotionId) record.previousPromotionId = input.previousPromotionId;
    this.records.set(record.id, record);
    return record;
  }

  /** The promotion `id` of source environment `sourceId`; another environment's is not found. */
  get(sourceId: string, id: string): PromotionRecord | undefined {
    const record = this.records.get(id.toLowerCase());
    return record?.sourceId === sourceId ? record : undefined;
  }

  /** Promotions of `sourceId`, newest first. */
  list(sourceId: string): PromotionRecord[] {
    return [...this.records.values()]
      .filter((r) => r.sourceId === sourceId)
      .sort((a, b) => b.seq - a.seq);
  }

  all(): PromotionRecord[] {
    return [...this.records.values()].sort((a, b) => a.seq - b.seq);
  }

  remove(record: PromotionRecord): void {
    for (const cancel of record.pending.splice(0)) cancel();
    this.records.delete(record.id);
  }

  setStatus(record: PromotionRecord, status: string, at: number): void {
    record.status = status;
    record.updatedAt = at;
  }

  /** Marks `record` as the most recently executed promotion. */
  markExecuted(record: PromotionRecord): void {
    record.executedSeq = ++this.executed;
  }

  /** The promotion last executed from `sourceId` to `targetId`: the only one rollback accepts. */
  lastExecuted(sourceId: string, targetId: string): PromotionRecord | undefined {
    let last: PromotionRecord | undefined;
    for (const r of this.records.values()) {
      if (r.sourceId !== sourceId || r.targetId !== targetId || r.executedSeq === undefined)
        continue;
      if (!last || r.executedSeq > (last.executedSeq ?? 0)) last = r;
    }
    return last;
  }

  /** A promotion running against `targetId`, from any source. */
  runningInto(targetId: string): PromotionRecord | undefined {
    return [...this.records.values()].find(
      (r) => r.targetId === targetId && r.status === "IN_PROGRESS",
    );
  }

  /** A rollback of `id` that has not run yet. */
  pendingRollbackOf(id: string): PromotionRecord | undefined {
    return [...this.records.values()].find(
      (r) => r.previousPromotionId === id && r.executedSeq === undefined,
    );
  }
}

// One line of an emulator's request log: what came in and what became of it.

export interface RequestRecord {
  method: string;
  /** Path without the query string. */
  path: string;
  /** The request's Content-Type header, when it had one. */
  contentType?: string;
  /** Status the emulator computed; 0 when the connection was dropped before handling. */
  status: number;
  /** True when no reply reached the client (for a lost reply, `status` is what it would have been). */
  dropped: boolean;
  /** Date.now() milliseconds at which the request arrived. */
  at: number;
}

/** "POST /path -> 202", "... -> connection dropped", "... -> 202, reply dropped". */
export function describeOutcome(record: RequestRecord): string {
  if (!record.dropped) return String(record.status);
  return record.status ? `${record.status}, reply dropped` : "connection dropped";
}

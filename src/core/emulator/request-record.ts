// One line of an emulator's request log: what came in and what became of it.

export interface RequestRecord<Server extends string = string> {
  /** Which of the emulator's servers answered. */
  server: Server;
  method: string;
  /** Path without the query string. */
  path: string;
  /** The request's Content-Type header, when it had one. */
  contentType?: string;
  /** Status the emulator computed; 0 when the connection was dropped before handling. */
  status: number;
  /** Set when no reply reached the client: dropped "before" handling, or "after" it (lost reply). */
  dropped?: "before" | "after";
  /** Date.now() milliseconds at which the request arrived. */
  at: number;
}

/** "POST /path -> 202", "... -> connection dropped", "... -> 202, reply dropped". */
export function describeOutcome(record: RequestRecord): string {
  if (record.dropped === "before") return "connection dropped";
  if (record.dropped === "after") return `${record.status}, reply dropped`;
  return String(record.status);
}

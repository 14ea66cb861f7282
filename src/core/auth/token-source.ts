/** Where the API client gets its bearer token. */
export interface TokenSource {
  /** A token valid for at least the next request, minted or re-minted as needed. */
  getToken(signal?: AbortSignal): Promise<string>;
  /** Drop the cached token (after a 401) so the next getToken mints a fresh one. */
  invalidate(): void;
  /** Every secret this source holds or has minted, so outputs can be scrubbed. */
  secrets(): string[];
}

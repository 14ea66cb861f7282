/** Bad input, caught before any network call. The message names the input and the fix. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

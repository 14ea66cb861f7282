// Small text helpers for messages.

/** "The lock of promotion X" from "the lock of promotion X": a phrase opening a sentence. */
export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

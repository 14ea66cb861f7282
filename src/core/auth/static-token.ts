import type { TokenSource } from "./token-source.js";

/**
 * A ready-made access token. It cannot be renewed: invalidate() does nothing, so a
 * second 401 surfaces as an authentication failure.
 */
export class StaticTokenSource implements TokenSource {
  private readonly token: string;

  constructor(
    private readonly given: string,
    inputName = "access token",
  ) {
    // Pasted tokens often carry a trailing newline, which is not allowed in a header.
    this.token = given.trim();
    if (this.token === "") throw new Error(`${inputName} is empty`);
    if (/\s/.test(this.token))
      throw new Error(`${inputName} contains whitespace; paste the bare token`);
  }

  async getToken(): Promise<string> {
    return this.token;
  }

  invalidate(): void {}

  secrets(): string[] {
    return [this.given, this.token];
  }
}

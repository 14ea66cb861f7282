// At most `max` tasks at once, the rest waiting their turn in order: bounds the requests a run
// keeps in flight against a tenant, however many items it reads.
export class Limiter {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  /** The most tasks that ran at once: what a benchmark reports. */
  peak = 0;

  constructor(private readonly max: number) {
    if (!(max >= 1)) throw new Error(`a limiter needs at least one slot, not ${max}`);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    this.peak = Math.max(this.peak, this.running);
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

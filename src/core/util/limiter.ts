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
    // A freed slot passes straight to the next waiter, still counted as taken: a task arriving
    // before the waiter resumes cannot slip into it.
    if (this.running >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    this.peak = Math.max(this.peak, this.running);
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

// Emulated time: asynchronous work (locking, promotion phases, planning) is a list of steps
// due at exact instants. Steps run lazily when a request arrives (so every reply reflects the
// state at that moment) and from a timer (so transitions are recorded even when nobody
// asks). A step runs with its due time, and chains the next step from that time, so
// recorded transition times are exact whatever the timer's lateness.

interface Step {
  due: number;
  seq: number;
  run: (at: number) => void;
}

export class Timeline {
  private steps: Step[] = [];
  private seq = 0;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  /** `speed` divides every real-platform duration given to `after`. */
  constructor(readonly speed: number) {}

  /** Emulated duration of `realMs` milliseconds of the real platform. */
  scaled(realMs: number): number {
    return realMs / this.speed;
  }

  /**
   * Runs `run` once `realMs` (real-platform milliseconds, scaled by speed) have passed since
   * `from`. Returns a function that cancels the step.
   */
  after(from: number, realMs: number, run: (at: number) => void): () => void {
    return this.at(from + this.scaled(realMs), run);
  }

  /** Runs `run` at the absolute time `due` (Date.now() milliseconds). */
  at(due: number, run: (at: number) => void): () => void {
    const step: Step = { due, seq: this.seq++, run };
    this.steps.push(step);
    this.arm();
    return () => {
      this.steps = this.steps.filter((s) => s !== step);
    };
  }

  /** Runs every step due by `now`, earliest first, including steps they schedule. */
  advance(now = Date.now()): void {
    for (;;) {
      const next = this.earliest();
      if (!next || next.due > now) break;
      this.steps = this.steps.filter((s) => s !== next);
      next.run(next.due);
    }
    this.arm();
  }

  close(): void {
    this.closed = true;
    this.steps = [];
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private earliest(): Step | undefined {
    let best: Step | undefined;
    for (const step of this.steps) {
      if (!best || step.due < best.due || (step.due === best.due && step.seq < best.seq))
        best = step;
    }
    return best;
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const next = this.earliest();
    if (!next || this.closed) return;
    const wait = Math.max(0, Math.ceil(next.due - Date.now()));
    // Unref'd: pending emulated work must never keep a process alive on its own.
    this.timer = setTimeout(() => this.advance(), Math.min(wait, 2 ** 31 - 1));
    this.timer.unref();
  }
}

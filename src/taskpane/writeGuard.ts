/**
 * Knows when the pane itself is writing to the workbook. Excel reports the add-in's own writes as local
 * changes too, so Keep up to date must not take them for the user's edits, or each refresh would trigger the next.
 */
export class WriteGuard {
  private running = 0;
  private settling: ReturnType<typeof setTimeout> | undefined;

  /** @param graceMs how long after a write its change events may still arrive. */
  constructor(private readonly graceMs = 1000) {}

  /** Runs a write, marking the pane busy until it ends and for the grace period after. */
  async track<T>(write: () => Promise<T>): Promise<T> {
    this.running++;
    clearTimeout(this.settling);
    this.settling = undefined;
    try {
      return await write();
    } finally {
      this.running--;
      if (this.running === 0) {
        this.settling = setTimeout(() => {
          this.settling = undefined;
        }, this.graceMs);
      }
    }
  }

  /** True while a write runs. */
  get writing(): boolean {
    return this.running > 0;
  }

  /** True when no write runs or has just ended: a change now is someone else's. */
  get quiet(): boolean {
    return this.running === 0 && this.settling === undefined;
  }

  dispose(): void {
    clearTimeout(this.settling);
    this.settling = undefined;
  }
}

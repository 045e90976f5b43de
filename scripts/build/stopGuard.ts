import os from "node:os";

/** Ctrl+C, `kill` and a closed terminal. */
const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * Stops the build on request (a signal, or a lost lock) with one line and at once, except during
 * a step that must not be cut in half (the swap of the output folders): a stop asked for then
 * waits until the step has finished. SIGKILL can neither be caught nor deferred; what it can cut
 * in half, recoverInterruptedSwap (swapOutput.ts) repairs before the next build or preview.
 */
export class StopGuard {
  private holding = 0;
  private pending: { why: string; exitCode: number } | undefined;
  private readonly cleanups: (() => void)[] = [];
  private readonly listeners = new Map<NodeJS.Signals, () => void>();

  /** @param outcome what a stop leaves behind, said after the reason (until a held step changes it). */
  constructor(private outcome: string) {
    for (const signal of STOP_SIGNALS) {
      const listener = () => this.stop(`stopped by ${signal}`, 128 + os.constants.signals[signal]);
      this.listeners.set(signal, listener);
      process.on(signal, listener);
    }
  }

  /** Stops listening for signals, once the build is over (the process may go on to other work). */
  dispose(): void {
    for (const [signal, listener] of this.listeners) process.off(signal, listener);
    this.listeners.clear();
  }

  /** Runs (synchronously) before the process exits on a stop: e.g. releasing the build lock. */
  onStop(cleanup: () => void): void {
    this.cleanups.push(cleanup);
  }

  /** Ends the build now, or as soon as the step being held has finished. */
  stop(why: string, exitCode: number): void {
    if (this.holding > 0) {
      this.pending ??= { why, exitCode };
      return;
    }
    console.error(`✖ Build ${why}; ${this.outcome}.`);
    for (const cleanup of this.cleanups) {
      try {
        cleanup();
      } catch {
        // Exiting anyway; the next build copes with whatever is left.
      }
    }
    process.exit(exitCode);
  }

  /**
   * Runs `step` with stops held back until it has finished. If it succeeds, `outcomeAfter` (when
   * given) is what any later stop says it leaves behind.
   */
  async hold<T>(step: () => Promise<T>, outcomeAfter?: string): Promise<T> {
    this.holding++;
    let result: T;
    try {
      result = await step();
      if (outcomeAfter) this.outcome = outcomeAfter;
    } finally {
      this.holding--;
      const pending = this.holding === 0 ? this.pending : undefined;
      if (pending) this.stop(pending.why, pending.exitCode);
    }
    return result;
  }
}

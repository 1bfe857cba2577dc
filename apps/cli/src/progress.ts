/**
 * Progress for long-running commands, on stderr so stdout stays clean for data. On a terminal
 * a step updates in place; elsewhere (CI logs, pipes, tests) each step is one line.
 */
import type { TextOutput } from './dependencies.js';

export interface Progress {
  /**
   * Announces a step; call the returned function with a short outcome when it is done.
   *
   * @example
   * const done = progress.step('Seeding the Dorset plan');
   * done('156 commitments');
   * // or, when it was refused: done('refused', { failed: true }), marked ✗ rather than ✓
   */
  step(step: string): (outcome?: string, how?: { failed?: boolean }) => void;
  /** Reports `done` of `total` for a step, in place on a terminal. */
  counter(step: string, done: number, total: number): void;
}

/** Progress written to `stderr`. */
export function progressOn(stderr: TextOutput): Progress {
  const interactive = stderr.isTTY === true;
  return {
    step(step) {
      const started = performance.now();
      if (interactive) stderr.write(`… ${step}`);
      return (outcome, how) => {
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const line = `${how?.failed ? '✗' : '✓'} ${step}${outcome ? `: ${outcome}` : ''} (${seconds}s)`;
        stderr.write(interactive ? `\r\x1b[K${line}\n` : `${line}\n`);
      };
    },
    counter(step, done, total) {
      if (interactive) stderr.write(`\r\x1b[K… ${step} ${done}/${total}`);
      else if (done === total) stderr.write(`  ${step} ${done}/${total}\n`);
    },
  };
}

/**
 * Progress for long-running commands, on stderr so stdout stays clean for data. On a terminal
 * a step updates in place; elsewhere (CI logs, pipes) each step is one line.
 */
const interactive = process.stderr.isTTY === true;

/**
 * Announces a step; call the returned function with a short outcome when it is done.
 *
 * @example
 * const done = progress('Seeding the Dorset plan');
 * done('156 commitments');
 */
export function progress(step: string): (outcome?: string) => void {
  const started = performance.now();
  if (interactive) process.stderr.write(`… ${step}`);
  return (outcome) => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const line = `✓ ${step}${outcome ? `: ${outcome}` : ''} (${seconds}s)`;
    process.stderr.write(interactive ? `\r\x1b[K${line}\n` : `${line}\n`);
  };
}

/** Reports `done` of `total` for a step, in place on a terminal. */
export function counter(step: string, done: number, total: number): void {
  if (interactive) process.stderr.write(`\r\x1b[K… ${step} ${done}/${total}`);
  else if (done === total) process.stderr.write(`  ${step} ${done}/${total}\n`);
}

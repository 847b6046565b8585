/**
 * Runs a command's `main` and turns its outcome into the process's exit code, so that every
 * command ends the same way: the code `main` returns, or `failureCode` with one line on stderr
 * (`label: reason`) when it throws. `detail: 'stack'` keeps the stack for commands whose
 * failures are worth debugging from the terminal (long runs over data).
 */
export function runCommand(
  main: () => number | Promise<number>,
  options: { readonly label: string; readonly detail?: 'message' | 'stack'; readonly failureCode?: number },
): void {
  Promise.resolve()
    .then(main)
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        const reason = error instanceof Error ? (options.detail === 'stack' ? (error.stack ?? error.message) : error.message) : String(error);
        process.stderr.write(`${options.label}: ${reason}\n`);
        process.exitCode = options.failureCode ?? 1;
      },
    );
}

// Typed errors carry their exit code and a hint, so cli.ts can print one clear
// line instead of a stack trace (ARCHITECTURE: "typed errors with exit codes").

export const EXIT_OK = 0;
/** Problems found: validation errors, failed checks. */
export const EXIT_PROBLEMS = 1;
/** Usage or input errors: unknown option or command, a missing or unreadable input file. */
export const EXIT_USAGE = 2;
/** Something went wrong inside safestep itself. */
export const EXIT_INTERNAL = 3;

export class SafestepError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_USAGE,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'SafestepError';
  }
}

/** The user pressed Ctrl+C or closed the input; progress is already saved. */
export class UserAbort extends Error {
  constructor() {
    super('aborted');
    this.name = 'UserAbort';
  }
}

// The shape every CLI command has. Commands are thin: they parse arguments and call the library.
export interface Command {
  name: string;
  /** Full usage text for `khabar CMD --help`. */
  usage: string;
  /** Returns the process exit code: 0 ok, 1 some inputs failed, 2 usage error. */
  run(argv: string[], io: CliIO): Promise<number>;
}

export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
  /** khabar's own progress line on a terminal, written as it is (its \r and ESC [2K redraw the line); out and err
   * escape every control character but newline and tab (src/text/safe-text.ts). Defaults to err. */
  status?: (s: string) => void;
  stdin: NodeJS.ReadableStream;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {}

/** The store path: --db, else $KHABAR_DB, else ./khabar.db. */
export function dbPath(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return flag ?? env.KHABAR_DB ?? 'khabar.db';
}

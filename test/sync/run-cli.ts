// Runs a built Node bundle (the sync CLI by default) as a child process, as the acceptance checks do.
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CLI = join(__dirname, '..', '..', 'dist', 'node', 'sync.cjs');

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /**
   * Variables added to the child's environment, which otherwise holds only PATH and TMPDIR (this jest run's
   * own temporary folder, so locks and temp files of two test runs at once never meet in /tmp).
   */
  env?: Record<string, string>;
  /** Kill the child after this many ms; 0 waits for ever (default 60 s). */
  timeout?: number;
  cwd?: string;
  /** The bundle to run (default the sync CLI). */
  script?: string;
  /** A module node loads first (`--require`). */
  preload?: string;
  /** The code reported when the child ends without a numeric exit code (killed, timed out); default 1. */
  codeWithoutExit?: number;
}

/** `node [--require preload] script ...args` with a minimal environment; never rejects. */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliOutcome> {
  const node = options.preload ? ['--require', options.preload] : [];
  const env = {
    PATH: process.env.PATH ?? '',
    TMPDIR: tmpdir(),
    ...options.env,
  };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...node, options.script ?? CLI, ...args],
      { cwd: options.cwd, env, timeout: options.timeout ?? 60_000 },
      (error, stdout, stderr) => {
        const code = error
          ? typeof error.code === 'number'
            ? error.code
            : (options.codeWithoutExit ?? 1)
          : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

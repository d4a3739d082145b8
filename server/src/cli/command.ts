import type { ParseArgsConfig } from 'node:util';

/** Where a command writes; the CLI passes process.stdout/stderr, tests may capture. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | Array<string | boolean> | undefined>;
  positionals: string[];
}

/** One subcommand, e.g. `scheme inspect`. Resolves to the process exit code. */
export interface Command {
  summary: string;
  /** Arguments after the command name, e.g. `<file.xlsx> [--json]`. */
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(args: ParsedArgs, output: CliOutput): Promise<number>;
}

/** Commands grouped under one word: `scheme`, later `seed`, `users`... */
export type CommandGroup = Record<string, Command>;

export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

/** Wrong arguments: the CLI prints the message with the command's usage and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

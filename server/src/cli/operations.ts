import path from 'node:path';
import { idSchema, isLanguage, namespaces, translate, type Language } from '@ashyq/shared';
import { loadConfig, openStore } from '../config';
import { backupStore, restoreStore, type StoreProblem } from '../ops/backup';
import { exportLog, verifyLogFile } from '../ops/log-file';
import { exitCodes, UsageError, type Command, type CommandGroup, type ParsedArgs } from './command';

/**
 * The operator's commands (docs/operations.md): `backup`, `restore`, `log export`, `log verify`.
 * They work on the store of DATA_DIR (or MONGODB_URI) as the server is configured; `log verify`
 * needs nothing but the file.
 */

const langOption = { lang: { type: 'string' } } as const;

function languageOf(args: ParsedArgs): Language {
  const lang = args.values.lang ?? 'en';
  if (typeof lang !== 'string' || !isLanguage(lang)) {
    throw new UsageError(`--lang must be kk, ru or en (got "${String(lang)}")`);
  }
  return lang;
}

const say =
  (lang: Language) =>
  (key: string, params: Record<string, string | number> = {}): string =>
    translate(namespaces.operations[lang], key, params);

/** The one positional argument a command takes, e.g. the file. */
function onePositional(args: ParsedArgs, what: string): string {
  const [value, ...extra] = args.positionals;
  if (value === undefined || extra.length > 0) throw new UsageError(`expected ${what}`);
  return value;
}

function problemText(text: ReturnType<typeof say>, problem: StoreProblem): string {
  return text(`restore.problem.${problem.kind}`, {
    ...('detail' in problem ? { detail: problem.detail } : {}),
    ...(problem.kind === 'chain'
      ? { stream: problem.stream, seq: problem.seq, reason: problem.reason }
      : {}),
  });
}

export const backupCommand: Command = {
  summary:
    'Copy the SQLite store of DATA_DIR to a new file while the server runs, and check the copy',
  usage: '<file> [--lang kk|ru|en]',
  options: langOption,
  async run(args, output) {
    const text = say(languageOf(args));
    const file = path.resolve(onePositional(args, 'the backup file to write'));
    const config = loadConfig();
    if (config.mongodbUri) {
      output.err(text('backup.mongo'));
      return exitCodes.failed;
    }
    const outcome = await backupStore(config.dataDir, file);
    switch (outcome.kind) {
      case 'done':
        output.out(
          text('backup.done', {
            file,
            events: outcome.events,
            streams: outcome.streams,
            size: outcome.size,
          }),
        );
        return exitCodes.ok;
      case 'noStore':
        output.err(text('backup.noStore', { dir: path.resolve(config.dataDir) }));
        return exitCodes.failed;
      case 'exists':
        output.err(text('backup.exists', { file }));
        return exitCodes.failed;
      case 'noFolder':
        output.err(text('backup.noFolder', { dir: path.dirname(file) }));
        return exitCodes.failed;
      case 'broken':
        output.err(text('backup.broken', { problem: problemText(text, outcome.problem) }));
        return exitCodes.failed;
    }
  },
};

export const restoreCommand: Command = {
  summary:
    'Check a backup and put it in place as the store of DATA_DIR (an empty one, or --force with the server stopped)',
  usage: '<file> [--force] [--lang kk|ru|en]',
  options: { ...langOption, force: { type: 'boolean' } },
  async run(args, output) {
    const text = say(languageOf(args));
    const file = path.resolve(onePositional(args, 'the backup file to restore'));
    const config = loadConfig();
    if (config.mongodbUri) {
      output.err(text('restore.mongo'));
      return exitCodes.failed;
    }
    const dir = path.resolve(config.dataDir);
    const outcome = await restoreStore(file, dir, { force: args.values.force === true });
    switch (outcome.kind) {
      case 'done':
        output.out(
          text('restore.done', { file, dir, events: outcome.events, streams: outcome.streams }),
        );
        if (outcome.keptAside) output.out(text('restore.keptAside', { file: outcome.keptAside }));
        output.out(text('restore.next'));
        return exitCodes.ok;
      case 'missing':
        output.err(text('restore.missing', { file }));
        return exitCodes.failed;
      case 'notEmpty':
        output.err(
          text('restore.notEmpty', {
            dir,
            entries:
              outcome.entries.slice(0, 5).join(', ') + (outcome.entries.length > 5 ? ', ...' : ''),
          }),
        );
        return exitCodes.failed;
      case 'inUse':
        output.err(text('restore.inUse', { dir }));
        return exitCodes.failed;
      case 'refused':
        output.err(text('restore.refused', { problem: problemText(text, outcome.problem) }));
        return exitCodes.failed;
    }
  },
};

export const logCommands: CommandGroup = {
  export: {
    summary:
      "Write a competition's event log to a file, one event per line (JSON lines), while the server runs",
    usage: '<competitionId> <file> [--lang kk|ru|en]',
    options: langOption,
    async run(args, output) {
      const text = say(languageOf(args));
      const [competitionId, target, ...extra] = args.positionals;
      if (competitionId === undefined || target === undefined || extra.length > 0) {
        throw new UsageError('expected the competition id and the file to write');
      }
      if (!idSchema.safeParse(competitionId).success) {
        throw new UsageError(`"${competitionId}" is not a competition id`);
      }
      const file = path.resolve(target);
      const store = await openStore(loadConfig());
      try {
        if ((await store.head(competitionId)).seq === 0) {
          output.err(text('export.noLog', { stream: competitionId }));
          return exitCodes.failed;
        }
        const summary = await exportLog(store, competitionId, file);
        output.out(
          text('export.done', {
            file,
            stream: competitionId,
            events: summary.events,
            head: summary.head ?? '',
          }),
        );
        return exitCodes.ok;
      } finally {
        await store.close();
      }
    },
  },
  verify: {
    summary:
      'Check the hash chain of an exported log file without the server; exits 1 at the first broken event',
    usage: '<file> [--head <published hash>] [--json] [--lang kk|ru|en]',
    options: { ...langOption, head: { type: 'string' }, json: { type: 'boolean' } },
    async run(args, output) {
      const text = say(languageOf(args));
      const file = onePositional(args, 'the log file to verify');
      const expected = args.values.head;
      if (expected !== undefined && !/^[0-9a-f]{64}$/.test(String(expected))) {
        throw new UsageError('--head must be 64 lowercase hex characters');
      }
      const verdict = await verifyLogFile(file);
      const headMatches =
        verdict.ok && expected !== undefined ? verdict.head === expected : undefined;
      const ok = verdict.ok && verdict.events > 0 && headMatches !== false;
      if (args.values.json === true) {
        output.out(
          JSON.stringify({ ...verdict, ok, ...(headMatches === undefined ? {} : { headMatches }) }),
        );
        return ok ? exitCodes.ok : exitCodes.failed;
      }
      if (!verdict.ok) {
        output.err(
          text('verify.broken', {
            stream: verdict.stream ?? '?',
            seq: verdict.firstBadSeq,
            line: verdict.line,
            reason: verdict.reason,
          }),
        );
        return exitCodes.failed;
      }
      if (verdict.events === 0) {
        output.err(text('verify.empty'));
        return exitCodes.failed;
      }
      const params = { stream: verdict.stream!, events: verdict.events, head: verdict.head! };
      if (headMatches === false) {
        output.err(text('verify.ok', params));
        output.err(text('verify.headDiffers', { expected: String(expected) }));
        return exitCodes.failed;
      }
      output.out(text('verify.ok', params));
      output.out(text(headMatches ? 'verify.headMatches' : 'verify.compare'));
      return exitCodes.ok;
    },
  },
};

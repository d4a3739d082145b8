import { readFile, writeFile } from 'node:fs/promises';
import { isLanguage } from '@ashyq/shared';
import { exportWorkbook } from '../cis/export';
import { importWorkbook, type ImportOptions, type WorkbookImport } from '../cis/import';
import { WorkbookError } from '../cis/problems';
import {
  exitCodes,
  UsageError,
  type CliOutput,
  type Command,
  type CommandGroup,
  type ParsedArgs,
} from './command';
import { formatSchemeReport, formatWarning } from './scheme-report';

const importFlags = {
  strict: { type: 'boolean' },
  lang: { type: 'string' },
} as const;

/** Checked before any file is touched, so a typo in a flag is reported as such. */
function importOptionsOf(args: ParsedArgs): Required<ImportOptions> {
  const lang = args.values.lang ?? 'en';
  if (typeof lang !== 'string' || !isLanguage(lang)) {
    throw new UsageError(`--lang must be kk, ru or en (got "${String(lang)}")`);
  }
  return { strict: args.values.strict === true, language: lang };
}

function positionals(args: ParsedArgs, names: string[]): string[] {
  if (args.positionals.length !== names.length) {
    throw new UsageError(
      `Expected ${names.join(' and ')}, got ${args.positionals.length} argument(s)`,
    );
  }
  return args.positionals;
}

/** Imports a workbook file, or prints one line naming the file, sheet and cell and returns undefined. */
async function importFile(
  file: string,
  options: ImportOptions,
  output: CliOutput,
): Promise<WorkbookImport | undefined> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    output.err(
      `${file}: cannot read the file (${code === 'ENOENT' ? 'no such file' : (error as Error).message})`,
    );
    return undefined;
  }
  try {
    return await importWorkbook(data, options);
  } catch (error) {
    if (!(error instanceof WorkbookError)) throw error;
    output.err(`${file}: ${error.describe()} [${error.code}]`);
    return undefined;
  }
}

const inspect: Command = {
  summary:
    'Read a CIS marking scheme workbook and print its report (counts, totals, variation, warnings).',
  usage: '<file.xlsx> [--json] [--strict] [--lang kk|ru|en]',
  options: { ...importFlags, json: { type: 'boolean' } },
  async run(args, output) {
    const options = importOptionsOf(args);
    const [file] = positionals(args, ['<file.xlsx>']);
    const imported = await importFile(file!, options, output);
    if (!imported) return exitCodes.failed;
    if (args.values.json) {
      const { report, reading, warnings } = imported;
      output.out(JSON.stringify({ ...report, reading, warnings }, null, 2));
    } else {
      output.out(formatSchemeReport(imported, options.language));
    }
    return exitCodes.ok;
  },
};

const exportCommand: Command = {
  summary:
    'Read a workbook and write it back in the CIS layout with formulas (a round trip through Ashyq).',
  usage: '<in.xlsx> <out.xlsx> [--strict] [--lang kk|ru|en]',
  options: importFlags,
  async run(args, output) {
    const options = importOptionsOf(args);
    const [input, target] = positionals(args, ['<in.xlsx>', '<out.xlsx>']);
    const imported = await importFile(input!, options, output);
    if (!imported) return exitCodes.failed;
    let workbook: Buffer;
    try {
      workbook = await exportWorkbook(imported.scheme, options.language);
    } catch (error) {
      if (!(error instanceof WorkbookError)) throw error;
      output.err(`${input}: ${error.describe()} [${error.code}]`);
      return exitCodes.failed;
    }
    try {
      await writeFile(target!, workbook);
    } catch (error) {
      output.err(`${target}: cannot write the file (${(error as Error).message})`);
      return exitCodes.failed;
    }
    const { aspects } = imported.report.counts;
    output.out(
      `Wrote ${target}: ${aspects} aspects, ${imported.warnings.length} warning(s) on reading ${input}`,
    );
    for (const warning of imported.warnings) output.out(`  ${formatWarning(warning)}`);
    return exitCodes.ok;
  },
};

export const schemeCommands: CommandGroup = { inspect, export: exportCommand };

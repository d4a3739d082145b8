import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { exitCodes, UsageError, type CliOutput, type CommandGroup } from './command';
import { organiserCommands } from './organiser';
import { schemeCommands } from './scheme';

/**
 * `npm run cli -- <group> <command> [arguments]`, e.g. `npm run cli -- scheme inspect f.xlsx --json`.
 * A new area (seed, users...) adds its CommandGroup here.
 */
const groups: Record<string, CommandGroup> = {
  scheme: schemeCommands,
  organiser: organiserCommands,
};

function usage(): string {
  const lines = ['Usage: npm run cli -- <command> [arguments]', '', 'Commands:'];
  for (const [group, commands] of Object.entries(groups)) {
    for (const [name, command] of Object.entries(commands)) {
      lines.push(`  ${group} ${name} ${command.usage}`, `      ${command.summary}`);
    }
  }
  return lines.join('\n');
}

export async function main(argv: string[], output: CliOutput): Promise<number> {
  const [groupName, commandName, ...rest] = argv;
  if (
    groupName === undefined ||
    groupName === '--help' ||
    groupName === '-h' ||
    groupName === 'help'
  ) {
    (groupName === undefined ? output.err : output.out)(usage());
    return groupName === undefined ? exitCodes.usage : exitCodes.ok;
  }
  const command = groups[groupName]?.[commandName ?? ''];
  if (!command) {
    output.err(
      `Unknown command "${[groupName, commandName].filter(Boolean).join(' ')}".\n\n${usage()}`,
    );
    return exitCodes.usage;
  }
  const name = `${groupName} ${commandName}`;
  if (rest.includes('--help') || rest.includes('-h')) {
    output.out(`Usage: npm run cli -- ${name} ${command.usage}\n${command.summary}`);
    return exitCodes.ok;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: command.options,
      allowPositionals: true,
      strict: true,
    });
    return await command.run({ values, positionals }, output);
  } catch (error) {
    const isUsage =
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (!isUsage) throw error;
    output.err(`${(error as Error).message}\nUsage: npm run cli -- ${name} ${command.usage}`);
    return exitCodes.usage;
  }
}

const processOutput: CliOutput = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2), processOutput);
}

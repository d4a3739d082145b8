import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { exitCodes, UsageError, type CliOutput, type Command, type CommandGroup } from './command';
import { backupCommand, logCommands, restoreCommand } from './operations';
import { organiserCommands } from './organiser';
import { schemeCommands } from './scheme';

/**
 * `npm run cli -- <group> <command> [arguments]`, e.g. `npm run cli -- scheme inspect f.xlsx --json`,
 * or a command of one word (`backup <file>`). A new area (seed, users...) adds its CommandGroup here.
 */
const groups: Record<string, CommandGroup | Command> = {
  scheme: schemeCommands,
  organiser: organiserCommands,
  log: logCommands,
  backup: backupCommand,
  restore: restoreCommand,
};

const isCommand = (entry: CommandGroup | Command): entry is Command =>
  typeof entry.run === 'function';

function usage(): string {
  const lines = ['Usage: npm run cli -- <command> [arguments]', '', 'Commands:'];
  for (const [group, entry] of Object.entries(groups)) {
    const commands: [string, Command][] = isCommand(entry)
      ? [[group, entry]]
      : Object.entries(entry).map(([name, command]) => [`${group} ${name}`, command]);
    for (const [name, command] of commands) {
      lines.push(`  ${name} ${command.usage}`, `      ${command.summary}`);
    }
  }
  return lines.join('\n');
}

export async function main(argv: string[], output: CliOutput): Promise<number> {
  const [groupName] = argv;
  if (
    groupName === undefined ||
    groupName === '--help' ||
    groupName === '-h' ||
    groupName === 'help'
  ) {
    (groupName === undefined ? output.err : output.out)(usage());
    return groupName === undefined ? exitCodes.usage : exitCodes.ok;
  }
  const entry = Object.hasOwn(groups, groupName) ? groups[groupName] : undefined;
  const single = entry !== undefined && isCommand(entry);
  const commandName = single ? undefined : argv[1];
  const rest = argv.slice(single ? 1 : 2);
  const command =
    entry === undefined || isCommand(entry)
      ? entry
      : Object.hasOwn(entry, commandName ?? '')
        ? entry[commandName!]
        : undefined;
  if (!command) {
    output.err(
      `Unknown command "${[groupName, commandName].filter(Boolean).join(' ')}".\n\n${usage()}`,
    );
    return exitCodes.usage;
  }
  const name = single ? groupName : `${groupName} ${commandName}`;
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

import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createOps } from './index';

function capture(level: 'info' | 'warn') {
  const lines: Record<string, unknown>[] = [];
  const ops = createOps({
    level,
    destination: {
      write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>),
    },
  });
  return { ops, lines };
}

describe('the server log', () => {
  it('censors a personal field someone logs by mistake', () => {
    const { ops, lines } = capture('info');
    ops.logger.info({ competitor: { iin: '990101300123', name: 'x' }, pin: '352389' }, 'oops');
    expect(lines[0]).toMatchObject({
      competitor: { iin: '[not logged]' },
      pin: '[not logged]',
      msg: 'oops',
    });
  });

  it('writes command lines to the same place at the same level as the server log', () => {
    const { ops, lines } = capture('info');
    ops.commandLog.info({ kind: 'command', command: 'marks:record', outcome: 'ok' }, 'command');
    expect(lines).toEqual([
      expect.objectContaining({ level: 'info', kind: 'command', outcome: 'ok', msg: 'command' }),
    ]);
    const quiet = capture('warn');
    quiet.ops.commandLog.info({ kind: 'command' }, 'command');
    expect(quiet.lines).toEqual([]);
  });
});

describe('the log on standard output', () => {
  it('writes every line whole, in order, also those still waiting when the process exits', async () => {
    const script = `
      import { createLogger } from ${JSON.stringify(new URL('./logger.ts', import.meta.url).pathname)};
      const logger = createLogger();
      for (let n = 0; n < 20000; n++) logger.info({ kind: 'command', n, actor: 'expert:e-' + (n % 40) }, 'command');
      process.exit(0);
    `;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    const lines = output.trimEnd().split('\n');
    expect(lines).toHaveLength(20000);
    expect(lines.map((line) => (JSON.parse(line) as { n: number }).n)).toEqual(
      Array.from({ length: 20000 }, (_, n) => n),
    );
  }, 30_000);
});

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

  it('writes command lines to the same place at the same level, unredacted', () => {
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

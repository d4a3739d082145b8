import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverNodeFlags } from '../../scripts/server-flags';

const root = resolve(import.meta.dirname, '../..');

describe("the server process's V8 flags", () => {
  it('are the same for `npm start` as for the servers that dev, tests and benchmarks start', () => {
    const { scripts } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const start = /\bnode((?: --[^ ]+)*) --import tsx scripts\/serve\.ts\b/.exec(scripts.start!);
    expect(start, `npm start is "${scripts.start}"`).not.toBeNull();
    expect(start![1]!.trim().split(' ')).toEqual(serverNodeFlags);
  });
});

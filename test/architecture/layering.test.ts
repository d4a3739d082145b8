import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of docs/architecture.md, checked on the source: shared/ is a pure package that
 * imports nothing of the server or the client; the server's domain modules know nothing of HTTP
 * or sockets (the edges translate their errors); and no module imports itself back through others.
 */

const root = resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const importPattern = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g;
const dynamicImportPattern = /import\(\s*['"]([^'"]+)['"]\s*\)/g;

function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(importPattern), ...text.matchAll(dynamicImportPattern)].map(
    (match) => match[1]!,
  );
}

/** The file a relative specifier names, or undefined for a package. */
function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier).replace(/\.js$/, '');
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}

const files = ['shared/src', 'server/src', 'client/src'].flatMap((dir) =>
  sourceFiles(join(root, dir)),
);
const graph = new Map(
  files.map((file) => [
    file,
    specifiers(file).map((specifier) => ({ specifier, target: resolveImport(file, specifier) })),
  ]),
);
const rel = (file: string) => relative(root, file);

/** Every import of `from` files whose target (or package name) matches `forbidden`. */
function violations(
  from: (file: string) => boolean,
  forbidden: (target: string, specifier: string) => boolean,
): string[] {
  const found: string[] = [];
  for (const [file, imports] of graph) {
    if (!from(rel(file))) continue;
    for (const { specifier, target } of imports) {
      if (forbidden(target ? rel(target) : '', specifier))
        found.push(`${rel(file)} → ${specifier}`);
    }
  }
  return found;
}

/** Server modules that hold rules and data, not transports. */
const domainModules = [
  'advancement',
  'auth',
  'championships',
  'cis',
  'competitions',
  'documents',
  'domain',
  'events',
  'exam',
  'people',
  'results',
  'store',
  'uploads',
];

describe('layering', () => {
  it('keeps shared/ free of the server and the client', () => {
    expect(
      violations(
        (file) => file.startsWith('shared/'),
        (target, specifier) =>
          target.startsWith('server/') ||
          target.startsWith('client/') ||
          /^(express|socket\.io|react|mongoose|better-sqlite3)(\/|$)/.test(specifier),
      ),
    ).toEqual([]);
  });

  it('keeps the domain modules free of the HTTP and socket edges', () => {
    expect(
      violations(
        (file) => domainModules.some((dir) => file.startsWith(`server/src/${dir}/`)),
        (target) =>
          target.startsWith('server/src/http/') ||
          target.startsWith('server/src/realtime/') ||
          target.startsWith('client/'),
      ),
    ).toEqual([]);
  });

  it('keeps the server from the seeds and the client from the server', () => {
    expect(
      violations(
        (file) => file.startsWith('server/src/'),
        (target, specifier) => target.startsWith('client/') || specifier.includes('seeds/'),
      ),
    ).toEqual([]);
    expect(
      violations(
        (file) => file.startsWith('client/'),
        (target) => target.startsWith('server/'),
      ),
    ).toEqual([]);
  });

  it('has no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      path.push(file);
      for (const { target } of graph.get(file) ?? []) {
        if (!target || !graph.has(target)) continue;
        if (state.get(target) === 'open') {
          cycles.push(path.slice(path.indexOf(target)).map(rel).concat(rel(target)).join(' → '));
        } else if (!state.has(target)) {
          visit(target);
        }
      }
      path.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
});

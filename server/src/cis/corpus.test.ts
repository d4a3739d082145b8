import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SchemeReport } from '@ashyq/shared';
import { exportWorkbook } from './export';
import { importWorkbook } from './import';
import { cisCorpusDir } from '../../../test/support/cis-corpus';

/**
 * Real published CIS workbooks, with their truth counted independently from the aspect rows.
 * They are not the project's files, so they are read where the workplace keeps them
 * (test/support/cis-corpus.ts), and the suite says SKIPPED once when they are not there.
 * What each file shows is described in docs/marking-schemes.md.
 */
const truthFile = path.join(cisCorpusDir, 'expected.json');

interface Reading {
  counts: Record<'criteria' | 'subCriteria' | 'aspects' | 'measurement' | 'judgement', number>;
  criteria: Record<string, number>;
  sections: Record<string, number> | null;
  days: Record<string, number> | null;
  total: number;
}
interface Truth extends Reading {
  skill: { number: string } | null;
  alternatives?: Reading[];
}

const available = existsSync(truthFile);
if (!available) console.warn(`SKIPPED real CIS workbooks: no corpus at ${cisCorpusDir}`);
const truths: Record<string, Truth> = available ? JSON.parse(readFileSync(truthFile, 'utf8')) : {};

/** The report in the truth's terms: non-zero totals by criterion and section, days. */
function readingOf(report: SchemeReport): Omit<Reading, 'sections' | 'days'> & {
  sections: Record<string, number>;
  days: Record<string, number>;
} {
  const nonZero = (entries: Array<[string, number]>) =>
    Object.fromEntries(entries.filter(([, value]) => value !== 0));
  const { criteria, subCriteria, aspects, measurement, judgement } = report.counts;
  return {
    counts: { criteria, subCriteria, aspects, measurement, judgement },
    criteria: nonZero(report.criteria.map((c) => [c.id, c.aspectTotal])),
    sections: nonZero(report.sections.map((s) => [s.id, s.aspectMarks])),
    days: report.days,
    total: report.total,
  };
}

function matches(truth: Reading, report: SchemeReport): boolean {
  const read = readingOf(report);
  return (
    JSON.stringify(read.counts) === JSON.stringify(truth.counts) &&
    sameFigures(read.criteria, truth.criteria) &&
    (truth.sections === null || sameFigures(read.sections, truth.sections)) &&
    (truth.days === null || sameFigures(read.days, truth.days)) &&
    Math.abs(read.total - truth.total) < 1e-6
  );
}

function sameFigures(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => Math.abs((a[key] ?? 0) - (b[key] ?? 0)) < 1e-6);
}

describe.skipIf(!available)('real CIS workbooks import as their truth says', () => {
  it.each(Object.keys(truths))('%s', async (file) => {
    const truth = truths[file]!;
    const data = readFileSync(path.join(cisCorpusDir, file));
    const { scheme, report, warnings } = await importWorkbook(data);
    const readings = [truth, ...(truth.alternatives ?? [])];
    // On failure, show the figures read next to the truth.
    if (!readings.some((reading) => matches(reading, report))) {
      expect(readingOf(report)).toEqual({ ...truth, alternatives: undefined, skill: undefined });
    }
    if (truth.skill) expect(report.skill.number).toBe(truth.skill.number);
    // Every warning is located on a sheet and reads as a sentence, not a code.
    for (const warning of warnings) expect(warning.message).not.toMatch(/\{\{|warning\./);

    // The export reads back as the same scheme, with the same report.
    const again = await importWorkbook(await exportWorkbook(scheme));
    expect(again.scheme).toEqual(scheme);
    expect(again.report).toEqual(report);
  });
});

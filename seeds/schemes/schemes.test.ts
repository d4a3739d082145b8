import { describe, expect, it } from 'vitest';
import { markingSchemeSchema, type Aspect, type MarkingScheme } from '@ashyq/shared';
import { judged, measured, subCriterion, deductionPerUnit, fullPartialNone } from './builder';
import { cookingScheme } from './cooking';
import { webTechnologiesScheme } from './web-technologies';
import { weldingScheme } from './welding';

const schemes: [string, MarkingScheme][] = [
  ['Web Technologies', webTechnologiesScheme],
  ['Welding', weldingScheme],
  ['Cooking', cookingScheme],
];

const twoPlaces = (value: number) => Math.round(value * 100) / 100;
const sumOf = (aspects: readonly Aspect[]) =>
  twoPlaces(aspects.reduce((sum, a) => sum + a.maxMark, 0));
const aspectsOf = (scheme: MarkingScheme) =>
  scheme.criteria.flatMap((c) => c.subCriteria.flatMap((sc) => sc.aspects));

describe('builder', () => {
  it('numbers M and J aspects separately in order and names calculations of non-binary ones', () => {
    const sc = subCriterion('B3', 'name', 2, [
      measured('1', 1, 'first', 'req'),
      judged('1', 2, 'judged', ['0', '1', '2', '3']),
      measured('1', 1, 'second', 'req', deductionPerUnit(10, 1, 0.25)),
      measured('1', 1, 'third', 'req', fullPartialNone(1, 'half', 0.5)),
    ]);
    expect(sc.aspects.map((a) => a.code)).toEqual(['B3.M1', 'B3.J1', 'B3.M2', 'B3.M3']);
    expect(sc.aspects.map((a) => a.calculation)).toEqual([undefined, undefined, 'B3.M2', 'B3.M3']);
    expect(sc.aspects[3]!.measurement).toEqual({
      kind: 'choice',
      options: [
        { label: 'Full Marks', deduction: 0 },
        { label: 'half', deduction: 0.5 },
        { label: 'No Marks', deduction: 1 },
      ],
    });
  });
});

describe.each(schemes)('%s marking scheme', (_name, scheme) => {
  const aspects = aspectsOf(scheme);

  it('passes the marking scheme schema', () => {
    const result = markingSchemeSchema.safeParse(scheme);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('states each criterion max mark as the sum of its aspects, for a total of 100', () => {
    for (const c of scheme.criteria) {
      expect([c.id, sumOf(c.subCriteria.flatMap((sc) => sc.aspects))]).toEqual([c.id, c.maxMark]);
    }
    expect(twoPlaces(scheme.criteria.reduce((sum, c) => sum + c.maxMark, 0))).toBe(100);
    expect(sumOf(aspects)).toBe(100);
  });

  it('has the size of a two-day regional task', () => {
    const subCriteria = scheme.criteria.flatMap((c) => c.subCriteria);
    expect(scheme.criteria.length).toBeGreaterThanOrEqual(4);
    expect(scheme.criteria.length).toBeLessThanOrEqual(6);
    expect(subCriteria.length).toBeGreaterThanOrEqual(8);
    expect(subCriteria.length).toBeLessThanOrEqual(12);
    expect(aspects.length).toBeGreaterThanOrEqual(40);
    expect(aspects.length).toBeLessThanOrEqual(70);
    expect(new Set(subCriteria.map((sc) => sc.day))).toEqual(new Set([1, 2]));
  });

  it('is mostly measurement, with every kind and judgement aspects', () => {
    const kinds = aspects.map((a) => (a.type === 'J' ? 'J' : (a.measurement?.kind ?? 'binary')));
    const measurementShare = kinds.filter((k) => k !== 'J').length / kinds.length;
    expect(measurementShare).toBeGreaterThan(0.5);
    for (const kind of ['binary', 'deduction', 'choice', 'J']) expect(kinds).toContain(kind);
  });

  it('uses the max marks real schemes use', () => {
    for (const a of aspects) {
      expect([
        a.code,
        a.maxMark >= 0.25 && a.maxMark <= 2 && Number.isInteger(a.maxMark * 4),
      ]).toEqual([a.code, true]);
    }
  });

  it('gives every judgement aspect four distinct descriptors and every measurement a requirement', () => {
    for (const a of aspects) {
      if (a.type === 'J') expect(new Set(a.descriptors?.filter((d) => d.length > 10)).size).toBe(4);
      else expect(a.requirement?.length).toBeGreaterThan(3);
    }
  });

  it('has choices from Full Marks to No Marks and deductions that can reach zero only gradually', () => {
    for (const a of aspects) {
      const m = a.measurement;
      if (m?.kind === 'choice') {
        expect(m.options[0]).toEqual({ label: 'Full Marks', deduction: 0 });
        expect(m.options.at(-1)).toEqual({ label: 'No Marks', deduction: a.maxMark });
        for (const option of m.options) expect(option.deduction).toBeLessThanOrEqual(a.maxMark);
      }
      if (m?.kind === 'deduction') expect(m.deduction).toBeLessThan(a.maxMark);
    }
  });

  it('weights standards sections to 100, each within 5 marks of its aspects', () => {
    expect(twoPlaces(scheme.sections.reduce((sum, s) => sum + s.weight, 0))).toBe(100);
    for (const section of scheme.sections) {
      const marks = sumOf(aspects.filter((a) => a.section === section.id));
      expect(marks).toBeGreaterThan(0);
      expect(Math.abs(section.weight - marks)).toBeLessThanOrEqual(5);
    }
  });
});

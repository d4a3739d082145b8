import type { MarkingScheme } from './schema';

/**
 * The figures an organiser checks a marking scheme with (docs/marking-schemes.md, "Import and
 * import returns"): counts, totals per criterion / section / sub-criterion, section variation.
 * Pure; the importer, the CLI and the organiser screens all show this same report.
 */
export interface SchemeReport {
  skill: { number: string; name: string };
  counts: {
    criteria: number;
    subCriteria: number;
    aspects: number;
    measurement: number;
    judgement: number;
    days: number;
  };
  /** `maxMark` as stated in the criteria block; `aspectTotal` what its aspects add up to. */
  criteria: Array<{ id: string; name: string; maxMark: number; aspectTotal: number }>;
  /** `variation` = |weight - aspectMarks|, what organisers balance a scheme with. */
  sections: Array<{
    id: string;
    name: string;
    weight: number;
    aspectMarks: number;
    variation: number;
  }>;
  totalVariation: number;
  /** Sum of the section weights (100 in a WorldSkills scheme). */
  sectionWeightTotal: number;
  subCriteria: Array<{
    id: string;
    name: string;
    criterion: string;
    day: number;
    aspects: number;
    measurement: number;
    judgement: number;
    total: number;
  }>;
  /** Number of sub-criteria marked on each day, keyed by day (`"-1"`, `"1"`, `"2"`...). */
  days: Record<string, number>;
  /** Sum of all aspect max marks. */
  total: number;
  /** Sum of the criteria block marks. */
  criteriaTotal: number;
}

// Marks carry at most a few decimals; summing in millionths keeps 0.1 + 0.2 equal to 0.3.
const scale = 1_000_000;

/** Adds marks without binary floating-point noise (exact for up to 6 decimals). */
export function sumMarks(marks: Iterable<number>): number {
  let units = 0;
  for (const mark of marks) units += Math.round(mark * scale);
  return units / scale;
}

/** |a - b| for marks, free of floating-point noise. */
export function markDifference(a: number, b: number): number {
  return Math.abs(Math.round(a * scale) - Math.round(b * scale)) / scale;
}

export function analyseScheme(scheme: MarkingScheme): SchemeReport {
  const subCriteria = scheme.criteria.flatMap((criterion) =>
    criterion.subCriteria.map((sub) => ({
      id: sub.id,
      name: sub.name,
      criterion: criterion.id,
      day: sub.day,
      aspects: sub.aspects.length,
      measurement: sub.aspects.filter((a) => a.type === 'M').length,
      judgement: sub.aspects.filter((a) => a.type === 'J').length,
      total: sumMarks(sub.aspects.map((a) => a.maxMark)),
    })),
  );
  const aspects = scheme.criteria.flatMap((c) => c.subCriteria.flatMap((s) => s.aspects));

  const criteria = scheme.criteria.map((criterion) => ({
    id: criterion.id,
    name: criterion.name,
    maxMark: criterion.maxMark,
    aspectTotal: sumMarks(
      subCriteria.filter((s) => s.criterion === criterion.id).map((s) => s.total),
    ),
  }));

  const sections = scheme.sections.map((section) => {
    const aspectMarks = sumMarks(
      aspects.filter((a) => a.section === section.id).map((a) => a.maxMark),
    );
    return {
      id: section.id,
      name: section.name,
      weight: section.weight,
      aspectMarks,
      variation: markDifference(section.weight, aspectMarks),
    };
  });

  const days: Record<string, number> = {};
  for (const day of [...new Set(subCriteria.map((s) => s.day))].sort((a, b) => a - b)) {
    days[String(day)] = subCriteria.filter((s) => s.day === day).length;
  }

  const measurement = aspects.filter((a) => a.type === 'M').length;
  return {
    skill: { ...scheme.skill },
    counts: {
      criteria: criteria.length,
      subCriteria: subCriteria.length,
      aspects: aspects.length,
      measurement,
      judgement: aspects.length - measurement,
      days: Object.keys(days).length,
    },
    criteria,
    sections,
    totalVariation: sumMarks(sections.map((s) => s.variation)),
    sectionWeightTotal: sumMarks(sections.map((s) => s.weight)),
    subCriteria,
    days,
    total: sumMarks(aspects.map((a) => a.maxMark)),
    criteriaTotal: sumMarks(criteria.map((c) => c.maxMark)),
  };
}

/** Criteria whose block mark differs from what their aspects add up to. */
export function criterionMismatches(report: SchemeReport): SchemeReport['criteria'] {
  return report.criteria.filter((c) => markDifference(c.maxMark, c.aspectTotal) > 0);
}

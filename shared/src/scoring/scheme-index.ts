import type { Aspect, MarkingScheme } from '../scheme/schema';
import { valueKindOf, type MarkValueKind } from './measurement';

/**
 * A marking scheme flattened into arrays for the engine: aspects in scheme order, every
 * sub-criterion a contiguous aspect range, every criterion a contiguous sub-criterion range.
 * Totals are then sums over ranges in a fixed order, so the same marks always give bit-identical
 * sums, however and whenever they were computed.
 */
export interface IndexedAspect {
  index: number;
  code: string;
  aspect: Aspect;
  kind: MarkValueKind;
  subCriterion: number;
  criterion: number;
  /** -1 for an aspect of a scheme without standards sections. */
  section: number;
}

export interface IndexedSubCriterion {
  index: number;
  id: string;
  /** Day of marking (C-1 -> -1, C1 -> 1, ...). */
  day: number;
  criterion: number;
  firstAspect: number;
  endAspect: number;
}

export interface IndexedCriterion {
  index: number;
  id: string;
  firstSubCriterion: number;
  endSubCriterion: number;
}

export interface IndexedSection {
  index: number;
  id: string;
  aspects: readonly number[];
}

export interface SchemeIndex {
  scheme: MarkingScheme;
  aspects: readonly IndexedAspect[];
  subCriteria: readonly IndexedSubCriterion[];
  criteria: readonly IndexedCriterion[];
  sections: readonly IndexedSection[];
  aspectByCode: ReadonlyMap<string, IndexedAspect>;
  subCriterionById: ReadonlyMap<string, IndexedSubCriterion>;
  /** Max marks of every aspect, in index order; the totals of this array are the scheme maxima. */
  maxMarks: Float64Array;
}

const cache = new WeakMap<MarkingScheme, SchemeIndex>();

/** The index of a scheme, built once per scheme object (schemes are not mutated once pinned). */
export function indexScheme(scheme: MarkingScheme): SchemeIndex {
  const cached = cache.get(scheme);
  if (cached) return cached;
  const built = buildIndex(scheme);
  cache.set(scheme, built);
  return built;
}

function buildIndex(scheme: MarkingScheme): SchemeIndex {
  const aspects: IndexedAspect[] = [];
  const subCriteria: IndexedSubCriterion[] = [];
  const criteria: IndexedCriterion[] = [];
  const sectionIndex = new Map<string, number>();
  const sectionAspects: number[][] = [];
  const sectionOf = (id: string): number => {
    let index = sectionIndex.get(id);
    if (index === undefined) {
      index = sectionAspects.length;
      sectionIndex.set(id, index);
      sectionAspects.push([]);
    }
    return index;
  };
  for (const section of scheme.sections) sectionOf(section.id);

  for (const criterion of scheme.criteria) {
    const criterionIndex = criteria.length;
    const firstSubCriterion = subCriteria.length;
    for (const sub of criterion.subCriteria) {
      const subIndex = subCriteria.length;
      const firstAspect = aspects.length;
      for (const aspect of sub.aspects) {
        const section = aspect.section === undefined ? -1 : sectionOf(aspect.section);
        if (section >= 0) sectionAspects[section]!.push(aspects.length);
        aspects.push({
          index: aspects.length,
          code: aspect.code,
          aspect,
          kind: valueKindOf(aspect),
          subCriterion: subIndex,
          criterion: criterionIndex,
          section,
        });
      }
      subCriteria.push({
        index: subIndex,
        id: sub.id,
        day: sub.day,
        criterion: criterionIndex,
        firstAspect,
        endAspect: aspects.length,
      });
    }
    criteria.push({
      index: criterionIndex,
      id: criterion.id,
      firstSubCriterion,
      endSubCriterion: subCriteria.length,
    });
  }

  const sections = [...sectionIndex.keys()].map((id, index) => ({
    index,
    id,
    aspects: sectionAspects[index]!,
  }));
  return {
    scheme,
    aspects,
    subCriteria,
    criteria,
    sections,
    aspectByCode: new Map(aspects.map((a) => [a.code, a])),
    subCriterionById: new Map(subCriteria.map((s) => [s.id, s])),
    maxMarks: Float64Array.from(aspects, (a) => a.aspect.maxMark),
  };
}

import { percentOf } from '../grades/percent';
import type { CompetitorState } from './competitor-state';
import { earnsMedallion, medalForPosition, type MedalRules, type MedallionRules } from './medals';
import { standardPositions } from './ranking';
import { scaleParameters, scaledScore, type ScaleKind } from './scales';

export interface StandingRules {
  digits: number;
  medals: MedalRules | null;
  medallion: MedallionRules | null;
  scale: ScaleKind;
  /** The scheme's maximum total, rounded like every total. */
  maxTotal: number;
}

/** Best first; equal rounded totals keep registration order, so the order is unique. */
function ahead(a: CompetitorState, b: CompetitorState): boolean {
  return a.rounded > b.rounded || (a.rounded === b.rounded && a.index < b.index);
}

/** Percent of the scheme maximum as grades read it (2 decimals half-up); 0 for an empty scheme. */
export function percentOfMax(total: number, maxTotal: number): number {
  return maxTotal > 0 ? percentOf(total, maxTotal) : 0;
}
/**
 * The active competitors (guests included) in ranking order, and the derived standings:
 * positions, medals, scaled scores, medallions. A change to one competitor moves it in the
 * order by insertion (O(n)) instead of sorting everyone again; the re-rank that follows is a
 * pure function of the order and the rounded totals, so a rebuild from scratch gives the same.
 */
export class Standings {
  private order: CompetitorState[] = [];

  constructor(private readonly rules: StandingRules) {}

  ordered(): readonly CompetitorState[] {
    return this.order;
  }

  /** Moves one competitor to its place after its total or status changed. */
  place(competitor: CompetitorState): void {
    const at = this.order.indexOf(competitor);
    if (at >= 0) this.order.splice(at, 1);
    if (!competitor.active) return;
    let low = 0;
    let high = this.order.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (ahead(this.order[middle]!, competitor)) low = middle + 1;
      else high = middle;
    }
    this.order.splice(low, 0, competitor);
  }

  rebuild(all: readonly CompetitorState[]): void {
    this.order = all.filter((c) => c.active).sort((a, b) => (ahead(a, b) ? -1 : 1));
  }

  rerank(all: readonly CompetitorState[]): void {
    const { rules } = this;
    for (const competitor of all) {
      if (competitor.active) continue;
      competitor.position = null;
      competitor.medal = null;
      competitor.medallion = false;
      competitor.scaled = null;
    }
    const ranked = this.order.filter((c) => !c.guest);
    const totals = ranked.map((c) => c.rounded);
    const positions = standardPositions(totals);
    ranked.forEach((competitor, i) => {
      competitor.position = positions[i]!;
      competitor.medal = medalForPosition(competitor.position, ranked.length, rules.medals);
    });
    const scale = rules.scale === 'none' ? null : scaleParameters(rules.scale, totals);
    for (const competitor of this.order) {
      if (competitor.guest) {
        competitor.position = null;
        competitor.medal = null;
      }
      competitor.scaled = scale ? scaledScore(scale, competitor.rounded, rules.digits) : null;
      // The percent (a decimal rounding, not cheap) only where a medallion can hang on it: this
      // runs for every competitor each time the standings are read after a total moved.
      const percentCounts =
        rules.medallion?.basis === 'percent' && !competitor.guest && competitor.medal === null;
      competitor.medallion = earnsMedallion(rules.medallion, {
        ranked: !competitor.guest,
        medal: competitor.medal,
        scaled: competitor.scaled,
        percent: percentCounts ? percentOfMax(competitor.rounded, rules.maxTotal) : 0,
      });
    }
  }
}

import type {
  Adjustment,
  AdvancementDecision,
  AdvancementEntry,
  AdvancementProposal,
  PersonName,
} from '@ashyq/shared';

/** The advancement replies as the screen reads them: entries and decisions carry names. */
export type Entry = AdvancementEntry & { name?: PersonName | null; skillName?: string };
export type Proposal = Omit<AdvancementProposal, 'entries'> & { entries: Entry[] };
type Named<T> = T & { name: PersonName | null };
export type Decision = Omit<AdvancementDecision, 'sent' | 'adjustments'> & {
  sent: Named<AdvancementDecision['sent'][number]>[];
  adjustments: Named<Adjustment>[];
};

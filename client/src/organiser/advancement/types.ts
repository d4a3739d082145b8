import type { AdvancementProposalReply, ProposedEntry } from '@ashyq/shared';

/** The proposal as the contract gives it: each entry named for the screen. */
export type Entry = ProposedEntry;
export type Proposal = AdvancementProposalReply;

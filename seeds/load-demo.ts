import type { ExpertRole } from '@ashyq/shared';
import type { AccountService } from '../server/src/auth/accounts';
import type { Subject } from '../server/src/auth/model';
import { collections } from '../server/src/collections';
import { CompetitionRegistry } from '../server/src/competitions/registry';
import { ReferenceRepository } from '../server/src/domain/reference';
import { EventLog } from '../server/src/events/event-log';
import type { JsonObject } from '../server/src/events/canonical-json';
import type { Store } from '../server/src/store/port';
import { demo as defaultDemo, type Demo, type DemoCompetition } from './demo';

/** Demo exam sessions wait here, as documents, for the exam officer's screens to use them. */
export const examSessionsCollection = 'exam-sessions';

export interface DemoTarget {
  store: Store;
  accounts: AccountService;
}

/** Whether the store holds nothing a user made: no organiser account and no championship. */
export async function isEmptyStore(store: Store): Promise<boolean> {
  const [organisers, championships] = await Promise.all([
    store.findDocuments('organisers'),
    store.findDocuments(collections.championships),
  ]);
  return organisers.length === 0 && championships.length === 0;
}

/**
 * Loads the demo into an empty store: accounts, colleges, the championship, competitions with
 * their schemes and people, expert credentials with the demo's fixed PINs, and the marking state
 * replayed through the competitions' own runtimes in time order, so every mark, lock and sign-off
 * is checked and hash-chained like a live one and carries the time the demo gives it.
 */
export async function loadDemo(target: DemoTarget, demo: Demo = defaultDemo): Promise<void> {
  const { store, accounts } = target;
  const reference = new ReferenceRepository(store);
  let clock = new Date(`${demo.championship.startsOn}T08:00:00+05:00`);
  const log = new EventLog(store, { clock: () => clock });
  const registry = new CompetitionRegistry({ store, log });
  const system: Subject = { kind: 'user', userId: 'system' };

  for (const account of demo.accounts) await accounts.createOrganiser(account);
  for (const college of demo.colleges) await reference.create('colleges', college);
  await reference.create('championships', demo.championship);

  for (const entry of demo.competitions) {
    const { competition, competitors, experts } = entry;
    await reference.create('competitions', competition);
    for (const competitor of competitors) await reference.create('competitors', competitor);
    for (const expert of experts) await reference.create('experts', expert);
    await issuePins(accounts, demo, competition.id, experts, system);
    const runtime = await registry.open(competition.id);
    await runtime.registerCompetitors('system', competitors);
    for (const panel of entry.panels) {
      await runtime.setPanel('system', panel.subCriterionId, panel.experts);
    }
    for (const step of markingSteps(entry)) {
      clock = new Date(step.at);
      await step.apply(runtime);
    }
  }

  const { examSession } = demo;
  const marking = examSession.commission.filter((member) => member.marks);
  await issuePins(
    accounts,
    demo,
    examSession.id,
    marking.map((member) => ({
      id: member.id,
      role: member.role === 'chief' ? 'chief' : 'expert',
    })),
    system,
  );
  await store.putDocument(
    examSessionsCollection,
    examSession as unknown as JsonObject & { id: string },
    0,
  );
  await log.settled();
}

async function issuePins(
  accounts: AccountService,
  demo: Demo,
  competitionId: string,
  experts: readonly { id: string; role: ExpertRole }[],
  issuedBy: Subject,
): Promise<void> {
  for (const expert of experts) {
    const pin = demo.expertPins[expert.id];
    if (pin === undefined) continue;
    await accounts.issueCredentialWithPin(competitionId, expert.id, expert.role, issuedBy, pin);
  }
}

type Runtime = Awaited<ReturnType<CompetitionRegistry['open']>>;

interface MarkingStep {
  at: string;
  apply(runtime: Runtime): Promise<unknown>;
}

/** Marks, locks and sign-offs merged by time. A refused mark means the demo itself is wrong. */
function markingSteps(entry: DemoCompetition): MarkingStep[] {
  const steps: MarkingStep[] = [];
  for (const { at, ...mark } of entry.marks) {
    const { expert, ...input } = mark;
    steps.push({
      at,
      apply: async (runtime) => {
        const [result] = await runtime.recordMarks(expert, [input]);
        if (result?.status !== 'accepted') {
          throw new Error(`demo mark ${mark.id} was not accepted: ${JSON.stringify(result)}`);
        }
      },
    });
  }
  for (const lock of entry.locks) {
    steps.push({ at: lock.at, apply: (runtime) => runtime.lock(lock.by, lock.subCriterionId) });
  }
  for (const signOff of entry.signOffs) {
    steps.push({
      at: signOff.at,
      apply: (runtime) => runtime.signOff(signOff.expertId, signOff.subCriterionId),
    });
  }
  // A stable sort keeps the demo's order among steps of the same moment.
  return steps.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

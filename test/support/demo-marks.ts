/**
 * Marks on the demo championship through the public API, as a tablet sends them: for the
 * cross-process tests (boards, Redis scale-out) and the board benchmark.
 */

export async function pinSignIn(url: string, competitionId: string, pin: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/pin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ competitionId, pin }),
  });
  if (!res.ok) throw new Error(`PIN sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

interface ViewAspect {
  code: string;
  type: 'M' | 'J';
  measurement?: { kind: 'binary' } | { kind: 'deduction'; target: number } | { kind: 'choice' };
}

type MarkValue =
  | { kind: 'judgement'; score: number }
  | { kind: 'binary'; achieved: boolean }
  | { kind: 'deduction'; measured: number }
  | { kind: 'choice'; option: number };

/** A full-marks value for a measurement aspect, whatever its kind. */
function measured(aspect: ViewAspect): MarkValue {
  const spec = aspect.measurement ?? { kind: 'binary' };
  if (spec.kind === 'deduction') return { kind: 'deduction', measured: spec.target };
  if (spec.kind === 'choice') return { kind: 'choice', option: 0 };
  return { kind: 'binary', achieved: true };
}

interface ExpertViewBody {
  criteria: { subCriteria: { id: string; aspects: ViewAspect[] }[] }[];
  locks: { subCriterion: string; locked: boolean }[];
  competitors: { id: string; status: string }[];
  marks: { competitor: string; aspect: string }[];
}

export interface DemoMark {
  id: string;
  competitor: string;
  aspect: string;
  value: MarkValue;
}

/**
 * Up to `count` measurement marks the signed-in expert has not entered yet, on sub-criteria
 * that are not locked, for competitors it may mark. Another expert of the team may have entered
 * some of them: the server then refuses those, so callers count the accepted ones.
 */
export async function unmarkedMeasurements(
  url: string,
  cookie: string,
  count: number,
  idPrefix: string,
): Promise<DemoMark[]> {
  const res = await fetch(`${url}/api/expert/competition`, { headers: { cookie } });
  if (!res.ok) throw new Error(`expert view: ${res.status}`);
  const view = (await res.json()) as ExpertViewBody;
  const locked = new Set(view.locks.filter((l) => l.locked).map((l) => l.subCriterion));
  const done = new Set(view.marks.map((m) => `${m.competitor}|${m.aspect}`));
  const marks: DemoMark[] = [];
  for (const criterion of view.criteria) {
    for (const sub of criterion.subCriteria) {
      if (locked.has(sub.id)) continue;
      for (const aspect of sub.aspects.filter((a) => a.type === 'M')) {
        for (const competitor of view.competitors.filter((c) => c.status === 'active')) {
          if (marks.length === count) return marks;
          if (done.has(`${competitor.id}|${aspect.code}`)) continue;
          const id = `${idPrefix}_${String(marks.length).padStart(5, '0')}`;
          marks.push({
            id,
            competitor: competitor.id,
            aspect: aspect.code,
            value: measured(aspect),
          });
        }
      }
    }
  }
  return marks;
}

/** Records marks over REST; resolves when the server has acknowledged them. */
export async function sendMarks(url: string, cookie: string, marks: readonly DemoMark[]) {
  const res = await fetch(`${url}/api/expert/marks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ marks }),
  });
  if (!res.ok) throw new Error(`marks: ${res.status} ${await res.text()}`);
  return (await res.json()) as { results: { id: string; status: string }[] };
}

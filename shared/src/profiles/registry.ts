import { kzDemoExam2022 } from './kz-demo-exam@2022';
import type { RulesProfile } from './profile';
import { wsiCis2024 } from './wsi-cis@2024';
import { wskChampionship2024 } from './wsk-championship@2024';

const profiles: readonly RulesProfile[] = Object.freeze([
  wsiCis2024,
  wskChampionship2024,
  kzDemoExam2022,
]);
const byId = new Map(profiles.map((p) => [p.id, p]));

/** Every shipped profile; old versions stay listed so past competitions stay recomputable. */
export function listProfiles(): readonly RulesProfile[] {
  return profiles;
}

/** The profile a competition pinned, or undefined for an id this build does not ship. */
export function getProfile(id: string): RulesProfile | undefined {
  return byId.get(id);
}

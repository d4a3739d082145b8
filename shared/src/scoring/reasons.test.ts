import { describe, expect, it } from 'vitest';
import { scoring } from '../i18n/scoring';
import { languages, translate } from '../i18n/messages';
import { profileSettingNames } from '../profiles/profile';
import { listProfiles } from '../profiles/registry';
import { judgementFormulaIds } from './judgement';
import { ScoringError, scoringReasons } from './reasons';
import { scaleKinds } from './scales';

describe('reason codes and names in every language', () => {
  it('has a message for every reason code', () => {
    for (const lang of languages) {
      for (const reason of scoringReasons) {
        expect(translate(scoring[lang], `reason.${reason}`), `${reason} in ${lang}`).not.toBe(
          `reason.${reason}`,
        );
      }
    }
  });

  it('names every shipped profile, setting, scale and formula', () => {
    const keys = [
      ...listProfiles().flatMap((p) => [`profile.${p.id}.name`, `profile.${p.id}.description`]),
      ...profileSettingNames.map((name) => `setting.${name}`),
      ...scaleKinds.map((kind) => `scale.${kind}`),
      ...judgementFormulaIds.map((id) => `formula.${id}`),
    ];
    for (const lang of languages) {
      for (const key of keys)
        expect(translate(scoring[lang], key), `${key} in ${lang}`).not.toBe(key);
    }
  });

  it('fills a rejection message from its params', () => {
    const error = new ScoringError('lock_blocked', { subCriterion: 'A1', count: 3 });
    expect(translate(scoring.ru, `reason.${error.reason}`, error.params)).toBe(
      'Подкритерий A1 нельзя заблокировать: недостающих или спорных оценок — 3',
    );
    expect(error.message).toContain('lock_blocked');
  });
});

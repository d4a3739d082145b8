import { describe, expect, it } from 'vitest';
import { languages, namespaces, translate } from '../i18n/index';
import { gradeScaleSchema, traditionalGradeSchema } from './scale';
import { getGradeScale, gradeScaleIds, listGradeScales } from './scales';

describe('grade scale registry', () => {
  it('lists every published scale, each valid by the schema', () => {
    expect(listGradeScales().map((scale) => scale.id)).toEqual([...gradeScaleIds]);
    for (const scale of listGradeScales()) expect(gradeScaleSchema.parse(scale)).toEqual(scale);
  });

  it('finds scales by id and nothing for unknown ids', () => {
    expect(getGradeScale('kz-letter@2022').bands).toHaveLength(11);
    expect(getGradeScale('kz-letter@2023')).toBeUndefined();
  });

  it('keeps published scales immutable, so pinned results never change', () => {
    const scale = getGradeScale('kz-letter@2022');
    expect(() => {
      scale.bands[0]!.minPercent = 94;
    }).toThrow(TypeError);
    expect(() =>
      scale.bands.push({ label: 'A+', minPercent: 99, traditional: 'excellent' }),
    ).toThrow(TypeError);
    expect(() => scale.bands[5]!.traditionalSetting!.choices.push('excellent')).toThrow(TypeError);
    expect(getGradeScale('kz-letter@2022').bands[0]!.minPercent).toBe(95);
  });
});

describe('grade names', () => {
  it('names every scale and every traditional grade in kk, ru and en', () => {
    const keys = [
      ...gradeScaleIds.map((id) => `scale.${id}`),
      ...traditionalGradeSchema.options.map((grade) => `traditional.${grade}`),
    ];
    for (const lang of languages) {
      for (const key of keys)
        expect(translate(namespaces.grades[lang], key), `${key} in ${lang}`).not.toBe(key);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { getGradeScale } from '../grades/scales';
import { medalForPosition } from '../scoring/medals';
import { compatriotKeyFor } from './profile';
import { kzDemoExam2022 } from './kz-demo-exam@2022';

describe('kz-demo-exam@2022', () => {
  it('grades on the Kazakh letter scale and passes from 50 %', () => {
    expect(kzDemoExam2022.gradeScale).toBe('kz-letter@2022');
    expect(kzDemoExam2022.passThreshold).toBe(50);
    expect(getGradeScale(kzDemoExam2022.gradeScale!)?.id).toBe('kz-letter@2022');
    expect(kzDemoExam2022.unverified).toContain('passThreshold');
  });

  it('awards no medals, medallions or team points', () => {
    expect(medalForPosition(1, 25, kzDemoExam2022.medals)).toBeNull();
    expect(kzDemoExam2022.medallion).toBeNull();
    expect(kzDemoExam2022.teams).toBeNull();
  });

  it('keeps the college staff out of the panel at every level', () => {
    for (const level of ['college', 'regional', 'national', 'international'] as const) {
      expect(compatriotKeyFor(kzDemoExam2022, level)).toBe('college');
    }
  });
});

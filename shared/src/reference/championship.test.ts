import { describe, expect, it } from 'vitest';
import { championshipSchema } from '../domain/entities';
import { languages } from '../i18n/index';
import {
  championshipLevelName,
  championshipLevels,
  championshipStatus,
  championshipTrackName,
  championshipTrackSchema,
  championshipTracks,
} from './championship';

describe('championship levels and tracks', () => {
  it('are the enums of the championship entity', () => {
    expect(championshipLevels).toEqual(['college', 'regional', 'national', 'international']);
    expect(championshipTracks).toEqual(championshipSchema.shape.track.options);
    expect(championshipTrackSchema.safeParse('abilympics').success).toBe(true);
    expect(championshipTrackSchema.safeParse('worldskills').success).toBe(false);
  });

  it('have a name in every language', () => {
    for (const lang of languages) {
      for (const level of championshipLevels)
        expect(championshipLevelName(level, lang)).toBeTruthy();
      for (const track of championshipTracks)
        expect(championshipTrackName(track, lang)).toBeTruthy();
    }
    expect(championshipLevelName('national', 'kk')).toBe('Республикалық чемпионат');
    expect(championshipTrackName('teachers', 'ru')).toBe(
      'Конкурс профессионального мастерства среди педагогов колледжей',
    );
  });
});

describe('championship status', () => {
  const idle = { marked: 0, published: false };
  const marking = { marked: 12, published: false };
  const done = { marked: 40, published: true };

  it('is a draft until the first mark, even with competitions set up', () => {
    expect(championshipStatus([])).toBe('draft');
    expect(championshipStatus([idle, idle])).toBe('draft');
  });

  it('is under way from the first mark until every competition has published', () => {
    expect(championshipStatus([idle, marking])).toBe('underWay');
    expect(championshipStatus([done, idle])).toBe('underWay');
  });

  it('is published once every competition is', () => {
    expect(championshipStatus([done, done])).toBe('published');
  });
});

import { describe, expect, it } from 'vitest';
import { applyPatch } from './patch';

describe('applyPatch', () => {
  const record: { id: string; name: string; venue?: string } = {
    id: 'c-1',
    name: 'Чемпионат',
    venue: 'Астана',
  };

  it('replaces the fields present and keeps the absent ones', () => {
    expect(applyPatch(record, { name: 'Жаңа атау' })).toEqual({
      id: 'c-1',
      name: 'Жаңа атау',
      venue: 'Астана',
    });
    expect(applyPatch(record, { venue: undefined })).toEqual(record);
  });

  it('removes a field sent as null, and leaves the stored record as it was', () => {
    const cleared = applyPatch(record, { venue: null });
    expect(cleared).toEqual({ id: 'c-1', name: 'Чемпионат' });
    expect('venue' in cleared).toBe(false);
    expect(record.venue).toBe('Астана');
  });
});

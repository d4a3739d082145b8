import { describe, expect, it } from 'vitest';
import type { College } from '../domain/entities';
import { issuerMismatches, sessionIssuer, type SessionIssuer } from './issuer';

const astana: College = {
  id: 'astana-it',
  name: { kk: 'Астана IT колледжі', ru: 'Колледж Астана IT', en: 'Astana IT College' },
  bin: '940140000385',
  regionId: 'astana',
};
const own: SessionIssuer = {
  college: { name: { kk: 'Астана IT колледжі', ru: 'Колледж Астана IT' }, bin: '940140000385' },
  regionId: 'astana',
};

describe('the issuer of a session', () => {
  it('is the college’s record: its kk and ru names, BIN and region', () => {
    expect(sessionIssuer(astana)).toEqual({ ok: true, issuer: own });
  });

  it('needs a valid BIN in the record', () => {
    const { bin: _none, ...withoutBin } = astana;
    expect(sessionIssuer(withoutBin)).toEqual({ ok: false, reason: 'college_without_bin' });
    expect(sessionIssuer({ ...astana, bin: '940140000386' })).toEqual({
      ok: false,
      reason: 'college_without_bin',
    });
  });

  it('names each field where a request names another college or region', () => {
    expect(issuerMismatches({}, own)).toEqual([]);
    expect(
      issuerMismatches({ ...own, college: { ...own.college, bin: '940140000385 ' } }, own),
    ).toEqual([]);
    const saryarka = {
      college: { name: { kk: 'Сарыарқа колледжі', ru: 'Колледж Сарыарка' }, bin: '990140004654' },
      regionId: 'karaganda',
    };
    expect(issuerMismatches(saryarka, own)).toEqual([
      'college.name.kk',
      'college.name.ru',
      'college.bin',
      'regionId',
    ]);
    const borrowedName = { college: { ...own.college, bin: '990140004654' } };
    expect(issuerMismatches(borrowedName, own)).toEqual(['college.bin']);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../domain/errors';
import { httpError } from '../http/errors';
import { openSqliteStore, type SqliteStore } from '../store/sqlite';
import { AccountService, authCollections, type NewOrganiser } from './accounts';

const hour = 60 * 60 * 1000;
const chief = { kind: 'user', userId: 'organiser-1' } as const;

let dataDir: string;
let store: SqliteStore;
let now: number;
let accounts: AccountService;
/** How long each sign-in was held back, in ms (the tests do not sleep through it). */
let waits: number[];

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'ashyq-auth-'));
  store = await openSqliteStore(dataDir, { collections: authCollections });
  now = Date.parse('2026-03-02T03:00:00Z');
  waits = [];
  accounts = new AccountService(store, {
    now: () => now,
    wait: async (ms) => {
      waits.push(ms);
    },
  });
});

afterEach(async () => {
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const aigerim: NewOrganiser = {
  email: '  Aigerim.Nurlanova@Example.KZ ',
  name: 'Айгерим Нурланова',
  password: 'Shymkent-2026!',
  scope: { kind: 'championships', ids: ['wsk-shymkent-2026'] },
  roles: ['organiser'],
};

/** The refusal a domain error carries, as the English caller of the HTTP API would read it. */
async function refusalOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DomainError);
  const { code, status, params, details } = httpError(error as DomainError);
  const detail = (typeof details === 'function' ? details('en') : details)[0];
  return { code, status, params, detail: detail?.message };
}

describe('organiser accounts', () => {
  it('stores the email lower-cased and never hands out the password hash', async () => {
    const created = await accounts.createOrganiser(aigerim);
    expect(created.email).toBe('aigerim.nurlanova@example.kz');
    expect(created).not.toHaveProperty('passwordHash');
    const found = await accounts.findByEmail('AIGERIM.NURLANOVA@example.kz');
    expect(found).toEqual(created);
    expect(found).not.toHaveProperty('passwordHash');
  });

  it('refuses a second account with the same email in any letter case', async () => {
    await accounts.createOrganiser(aigerim);
    const refused = await refusalOf(
      accounts.createOrganiser({ ...aigerim, email: 'aigerim.nurlanova@example.kz' }),
    );
    expect(refused).toMatchObject({ code: 'conflict', status: 409 });
    expect(refused.detail).toBe('An account with this email already exists');
  });

  it('refuses a short password and a malformed email, naming the fields', async () => {
    const refused = accounts.createOrganiser({
      ...aigerim,
      email: 'not-an-email',
      password: 'short',
    });
    expect((await refusalOf(refused)).code).toBe('validation_failed');
    expect(await accounts.findByEmail('not-an-email')).toBeUndefined();
  });

  it('refuses an account name hiding a bidi override, in the caller’s language', async () => {
    const refused = accounts.createOrganiser({ ...aigerim, name: 'Айгерим \u202EавонаклуН' });
    const error = await refused.then(
      () => undefined,
      (thrown: unknown) => thrown as DomainError,
    );
    expect(error?.code).toBe('validation_failed');
    const details = typeof error?.details === 'function' ? error.details('ru') : [];
    expect(details).toEqual([
      {
        path: 'name',
        message:
          'Не должно содержать невидимый символ направления текста U+202E (символ 9): из-за него текст показывается не в том порядке, в каком набран',
      },
    ]);
    expect(await accounts.findByEmail(aigerim.email)).toBeUndefined();
  });

  it('signs in with the right password, whatever the email case', async () => {
    const created = await accounts.createOrganiser(aigerim);
    const signedIn = await accounts.signInWithPassword(
      'Aigerim.Nurlanova@example.kz',
      aigerim.password,
      '10.0.0.5',
    );
    expect(signedIn.id).toBe(created.id);
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    await accounts.createOrganiser(aigerim);
    const wrongPassword = await refusalOf(
      accounts.signInWithPassword(aigerim.email, 'Shymkent-2025!', '10.0.0.5'),
    );
    const unknownEmail = await refusalOf(
      accounts.signInWithPassword('nobody@example.kz', aigerim.password, '10.0.0.5'),
    );
    expect(wrongPassword).toEqual(unknownEmail);
    expect(wrongPassword).toMatchObject({
      code: 'unauthorized',
      status: 401,
      detail: 'Wrong email or password',
    });
  });

  it('refuses a disabled account and ends its sessions', async () => {
    const created = await accounts.createOrganiser(aigerim);
    const { secret } = await accounts.createSession({ kind: 'user', userId: created.id }, 'kk');
    await accounts.setDisabled(created.id, true);
    expect(await accounts.loadSession(secret)).toBeUndefined();
    const refused = await refusalOf(
      accounts.signInWithPassword(aigerim.email, aigerim.password, '10.0.0.5'),
    );
    expect(refused).toMatchObject({
      code: 'forbidden',
      detail: 'This account is disabled; contact the organiser',
    });
  });
});

describe('password sign-in limits', () => {
  it('refuses the 11th failed attempt from one address within a minute, with the wait', async () => {
    await accounts.createOrganiser(aigerim);
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      expect(
        (await refusalOf(accounts.signInWithPassword(aigerim.email, 'guess', '10.0.0.9'))).code,
      ).toBe('unauthorized');
    }
    now += 15_000;
    const limited = await refusalOf(
      accounts.signInWithPassword(aigerim.email, aigerim.password, '10.0.0.9'),
    );
    expect(limited).toMatchObject({ code: 'rate_limited', status: 429, params: { seconds: 45 } });
    now += 45_000;
    await expect(
      accounts.signInWithPassword(aigerim.email, aigerim.password, '10.0.0.9'),
    ).resolves.toBeDefined();
  });

  it('never keeps the organiser out for a stranger’s wrong passwords from many addresses', async () => {
    await accounts.createOrganiser(aigerim);
    for (let round = 0; round < 3; round += 1) {
      for (let attempt = 1; attempt <= 10; attempt += 1) {
        const guess = accounts.signInWithPassword(aigerim.email, 'guess', `10.0.1.${attempt}`);
        expect((await refusalOf(guess)).code).toBe('unauthorized');
      }
      await expect(
        accounts.signInWithPassword(aigerim.email, aigerim.password, '10.0.2.1'),
      ).resolves.toMatchObject({ email: 'aigerim.nurlanova@example.kz' });
      now += 60_000;
    }
  });

  it('slows down sign-ins at an account under attack, up to 10 s, and still lets the right password in', async () => {
    await accounts.createOrganiser(aigerim);
    for (let attempt = 1; attempt <= 9; attempt += 1) {
      await refusalOf(accounts.signInWithPassword(aigerim.email, 'guess', `10.0.1.${attempt}`));
    }
    expect(waits).toEqual([]);
    await refusalOf(accounts.signInWithPassword(aigerim.email, 'guess', '10.0.1.10'));
    await accounts.signInWithPassword(aigerim.email, aigerim.password, '10.0.2.1');
    expect(waits).toEqual([1_000]);
    for (let attempt = 1; attempt <= 200; attempt += 1) {
      await refusalOf(accounts.signInWithPassword(aigerim.email, 'guess', `10.1.${attempt}.1`));
    }
    waits.length = 0;
    await accounts.signInWithPassword(aigerim.email, aigerim.password, '10.0.2.1');
    expect(waits).toEqual([10_000]);
    // Another account is not slowed down, and the attack is forgotten after 15 minutes.
    await accounts.createOrganiser({ ...aigerim, email: 'dana@example.kz' });
    await accounts.signInWithPassword('dana@example.kz', aigerim.password, '10.1.1.1');
    now += 15 * 60_000;
    await accounts.signInWithPassword(aigerim.email, aigerim.password, '10.0.2.1');
    expect(waits).toEqual([10_000]);
  });

  it('signs in 100 people at once from one venue address', async () => {
    const people = ['a', 'b', 'c', 'd'].map((name) => ({ ...aigerim, email: `${name}@venue.kz` }));
    for (const person of people) await accounts.createOrganiser(person);
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) =>
        accounts.signInWithPassword(people[i % 4]!.email, aigerim.password, '95.56.1.20'),
      ),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(100);
  });

  it('checks no more than 10 of a burst of parallel guesses from one address', async () => {
    await accounts.createOrganiser(aigerim);
    const burst = await Promise.all(
      Array.from({ length: 30 }, () =>
        refusalOf(accounts.signInWithPassword(aigerim.email, 'guess', '10.0.0.9')),
      ),
    );
    const codes = burst.map((refused) => refused.code);
    expect(codes.filter((code) => code === 'unauthorized')).toHaveLength(10);
    expect(codes.filter((code) => code === 'rate_limited')).toHaveLength(20);
  });

  it('counts an IPv6 client by its /64, which it can pick any address from', async () => {
    await accounts.createOrganiser(aigerim);
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const address = `2a02:2168:8a0c:1e00::${attempt}`;
      await refusalOf(accounts.signInWithPassword(`user${attempt}@example.kz`, 'guess', address));
    }
    const next = accounts.signInWithPassword(aigerim.email, 'guess', '2a02:2168:8a0c:1e00::99');
    expect((await refusalOf(next)).code).toBe('rate_limited');
  });

  it('does not count successful sign-ins, so a venue behind one address can sign everyone in', async () => {
    await accounts.createOrganiser(aigerim);
    for (let attempt = 1; attempt <= 15; attempt += 1) {
      await expect(
        accounts.signInWithPassword(aigerim.email, aigerim.password, '10.0.0.7'),
      ).resolves.toMatchObject({
        email: 'aigerim.nurlanova@example.kz',
      });
    }
  });
});

describe('expert credentials', () => {
  it('issues a six-digit PIN and a link token that both sign the expert in', async () => {
    const issued = await accounts.issueCredential('cooking-1', 'expert-7', 'expert', chief);
    expect(issued.pin).toMatch(/^\d{6}$/);
    expect(issued.credential).toMatchObject({
      competitionId: 'cooking-1',
      expertId: 'expert-7',
      role: 'expert',
    });
    expect(issued.credential).not.toHaveProperty('pinDigest');
    expect(issued.credential).not.toHaveProperty('linkDigest');
    expect((await accounts.signInWithPin('cooking-1', issued.pin, '10.0.0.5')).id).toBe(
      issued.credential.id,
    );
    expect((await accounts.signInWithLink(issued.linkToken, '10.0.0.5')).id).toBe(
      issued.credential.id,
    );
  });

  it('refuses the PIN in another competition', async () => {
    const issued = await accounts.issueCredential('cooking-1', 'expert-7', 'expert', chief);
    const refused = await refusalOf(accounts.signInWithPin('welding-2', issued.pin, '10.0.0.5'));
    expect(refused).toMatchObject({
      code: 'unauthorized',
      detail: 'Wrong PIN for this competition, or the PIN has been revoked',
    });
  });

  it('gives each expert of a competition a different PIN', async () => {
    const pins = new Set<string>();
    for (let expert = 0; expert < 40; expert += 1) {
      pins.add(
        (await accounts.issueCredential('cooking-1', `expert-${expert}`, 'expert', chief)).pin,
      );
    }
    expect(pins.size).toBe(40);
  });

  it('re-issuing revokes the previous PIN, link and sessions', async () => {
    const first = await accounts.issueCredential('cooking-1', 'expert-7', 'expert', chief);
    const { secret } = await accounts.createSession(
      { kind: 'credential', credentialId: first.credential.id },
      'ru',
    );
    const second = await accounts.issueCredential('cooking-1', 'expert-7', 'deputy-chief', chief);
    expect(await accounts.loadSession(secret)).toBeUndefined();
    expect(second.pin).not.toBe(first.pin);
    expect((await refusalOf(accounts.signInWithPin('cooking-1', first.pin, '10.0.0.5'))).code).toBe(
      'unauthorized',
    );
    const refused = await refusalOf(accounts.signInWithLink(first.linkToken, '10.0.0.5'));
    expect(refused.detail).toBe(
      'This sign-in link is no longer valid; ask your chief expert for a new one',
    );
    expect((await accounts.signInWithPin('cooking-1', second.pin, '10.0.0.5')).role).toBe(
      'deputy-chief',
    );
  });

  it('refuses a revoked credential and keeps the revocation time when revoked twice', async () => {
    const issued = await accounts.issueCredential('cooking-1', 'expert-7', 'expert', chief);
    const revoked = await accounts.revokeCredential(issued.credential.id);
    now += hour;
    expect(await accounts.revokeCredential(issued.credential.id)).toEqual(revoked);
    expect(revoked?.revokedAt).toBe('2026-03-02T03:00:00.000Z');
    expect(
      (await refusalOf(accounts.signInWithPin('cooking-1', issued.pin, '10.0.0.5'))).code,
    ).toBe('unauthorized');
  });

  it('stops PIN guessing after 10 failures from one address, even for the right PIN; the QR link still works', async () => {
    const issued = await accounts.issueCredential('cooking-1', 'expert-7', 'expert', chief);
    const wrong = issued.pin === '000000' ? '000001' : '000000';
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      await refusalOf(accounts.signInWithPin('cooking-1', wrong, '10.0.0.66'));
    }
    expect(
      (await refusalOf(accounts.signInWithPin('cooking-1', issued.pin, '10.0.0.66'))).code,
    ).toBe('rate_limited');
    expect((await accounts.signInWithLink(issued.linkToken, '10.0.0.66')).id).toBe(
      issued.credential.id,
    );
    expect((await accounts.signInWithPin('cooking-1', issued.pin, '10.0.0.67')).id).toBe(
      issued.credential.id,
    );
  });

  it('allows one address 30 wrong PINs an hour, so guessing stays slow all day', async () => {
    const issued = await accounts.issueCredential('cooking-1', 'expert-7', 'expert', chief);
    const wrong = issued.pin === '000000' ? '000001' : '000000';
    for (let minute = 0; minute < 3; minute += 1) {
      for (let attempt = 1; attempt <= 10; attempt += 1) {
        const guess = accounts.signInWithPin('cooking-1', wrong, '10.0.0.66');
        expect((await refusalOf(guess)).code).toBe('unauthorized');
      }
      now += 60_000;
    }
    const limited = await refusalOf(accounts.signInWithPin('cooking-1', issued.pin, '10.0.0.66'));
    expect(limited).toMatchObject({ code: 'rate_limited', params: { seconds: 57 * 60 } });
    now += 57 * 60_000;
    expect((await accounts.signInWithPin('cooking-1', issued.pin, '10.0.0.66')).id).toBe(
      issued.credential.id,
    );
  });

  it('signs a whole venue in by PIN at once from one address', async () => {
    const pins: string[] = [];
    for (let expert = 0; expert < 60; expert += 1) {
      pins.push((await accounts.issueCredential('cooking-1', `e-${expert}`, 'expert', chief)).pin);
    }
    const signedIn = await Promise.all(
      pins.map((pin) => accounts.signInWithPin('cooking-1', pin, '95.56.1.20')),
    );
    expect(new Set(signedIn.map((credential) => credential.expertId)).size).toBe(60);
  });

  it('slows down PIN sign-ins of a competition under attack from many addresses, never refuses them', async () => {
    const issued = await accounts.issueCredential('cooking-1', 'expert-7', 'expert', chief);
    const wrong = issued.pin === '000000' ? '000001' : '000000';
    for (let attempt = 1; attempt <= 30; attempt += 1) {
      await refusalOf(accounts.signInWithPin('cooking-1', wrong, `10.0.3.${attempt}`));
    }
    waits.length = 0;
    expect((await accounts.signInWithPin('cooking-1', issued.pin, '10.0.4.1')).id).toBe(
      issued.credential.id,
    );
    expect(waits).toEqual([3_000]);
  });

  it('issues a chosen PIN for the demo, revoking the earlier one, but never one another expert holds', async () => {
    const first = await accounts.issueCredential('cooking-1', 'expert-7', 'expert', chief);
    const fixed = await accounts.issueCredentialWithPin(
      'cooking-1',
      'expert-7',
      'chief',
      chief,
      '481516',
    );
    expect(fixed.pin).toBe('481516');
    expect((await accounts.signInWithPin('cooking-1', '481516', '10.0.0.5')).role).toBe('chief');
    expect((await refusalOf(accounts.signInWithPin('cooking-1', first.pin, '10.0.0.5'))).code).toBe(
      'unauthorized',
    );
    const taken = accounts.issueCredentialWithPin(
      'cooking-1',
      'expert-8',
      'expert',
      chief,
      '481516',
    );
    expect((await refusalOf(taken)).status).toBe(409);
    const malformed = accounts.issueCredentialWithPin(
      'cooking-1',
      'expert-8',
      'expert',
      chief,
      '12a',
    );
    expect((await refusalOf(malformed)).status).toBe(400);
    expect(
      (await accounts.issueCredentialWithPin('welding-2', 'expert-9', 'expert', chief, '481516'))
        .pin,
    ).toBe('481516');
  });
});

describe('sessions', () => {
  it('keeps an organiser 8 hours and an expert 12 hours after the last use', async () => {
    const organiser = await accounts.createSession(
      { kind: 'user', userId: (await accounts.createOrganiser(aigerim)).id },
      'kk',
    );
    const issued = await accounts.issueCredential('cooking-1', 'expert-7', 'expert', chief);
    const expert = await accounts.createSession(
      { kind: 'credential', credentialId: issued.credential.id },
      'ru',
    );
    expect(organiser.session.expiresAt).toBe('2026-03-02T11:00:00.000Z');
    expect(expert.session.expiresAt).toBe('2026-03-02T15:00:00.000Z');

    now += 7 * hour;
    const used = await accounts.loadSession(organiser.secret);
    expect(used).toMatchObject({ renewed: true, actor: { kind: 'organiser' } });
    expect(used?.session.expiresAt).toBe('2026-03-02T18:00:00.000Z');

    now += 5 * hour + 1;
    expect(await accounts.loadSession(expert.secret)).toBeUndefined();
    expect((await accounts.loadSession(organiser.secret))?.actor).toMatchObject({
      kind: 'organiser',
      user: { email: 'aigerim.nurlanova@example.kz' },
    });
  });

  it('writes a sliding expiry back only every few minutes', async () => {
    const issued = await accounts.issueCredential('cooking-1', 'expert-7', 'expert', chief);
    const { secret } = await accounts.createSession(
      { kind: 'credential', credentialId: issued.credential.id },
      'en',
    );
    now += 60_000;
    expect((await accounts.loadSession(secret))?.renewed).toBe(false);
    now += 5 * 60_000;
    expect((await accounts.loadSession(secret))?.renewed).toBe(true);
  });

  it('ends a session for good and ignores cookies that were never issued', async () => {
    const issued = await accounts.issueCredential('cooking-1', 'expert-7', 'expert', chief);
    const { secret } = await accounts.createSession(
      { kind: 'credential', credentialId: issued.credential.id },
      'en',
    );
    expect((await accounts.loadSession(secret))?.actor).toMatchObject({
      kind: 'expert',
      credential: { expertId: 'expert-7' },
    });
    await accounts.endSession(secret);
    expect(await accounts.loadSession(secret)).toBeUndefined();
    expect(await accounts.loadSession('forged')).toBeUndefined();
    expect(await accounts.loadSession('A'.repeat(43))).toBeUndefined();
  });
});

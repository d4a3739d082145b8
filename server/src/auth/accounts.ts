import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { nameTextSchema, namespaces, translate, type Language } from '@ashyq/shared';
import { DomainError, parse, type ErrorCode } from '../domain/errors';
import {
  ConflictError,
  type CollectionIndexes,
  type Store,
  type StoredDocument,
} from '../store/port';
import {
  competitionCredentialSchema,
  emailSchema,
  organiserUserSchema,
  scopeSchema,
  sessionLifetimeMs,
  sessionSchema,
  type Account,
  type Actor,
  type CompetitionCredential,
  type ExpertCredential,
  type OrganiserUser,
  type Session,
  type Subject,
} from './model';
import { hashPassword, verifyPassword } from './passwords';
import { addressKey, FailureBudget, SlowDown } from './rate-limit';
import { organiserRoleSchema, type ExpertRole } from './roles';
import { digest, newPin, newSecret } from './tokens';
import { toDocument } from '../store/json';

const collections = {
  organisers: 'organisers',
  /** One document per lower-cased email (its id): claiming it with version 0 keeps emails unique. */
  emails: 'organiser-emails',
  credentials: 'expert-credentials',
  sessions: 'sessions',
} as const;

/** The indexed fields these collections need; the store must be opened with them. */
export const authCollections: CollectionIndexes = {
  [collections.credentials]: ['competitionId', 'expertId', 'pinDigest', 'linkDigest'],
  [collections.sessions]: ['subject.userId', 'subject.credentialId'],
};

export const newOrganiserSchema = z.strictObject({
  email: emailSchema,
  name: nameTextSchema(200),
  password: z.string().min(10).max(200),
  scope: scopeSchema,
  roles: z.array(organiserRoleSchema).min(1).max(2),
});
export type NewOrganiser = z.input<typeof newOrganiserSchema>;

/** What an expert is handed once: the PIN to type and the token of the QR link `/login/<token>`. */
export interface IssuedCredential {
  credential: ExpertCredential;
  pin: string;
  linkToken: string;
}

export interface LoadedSession {
  actor: Actor;
  session: Session;
  /** The expiry moved forward: the cookie should be sent again. */
  renewed: boolean;
}

export interface AccountServiceOptions {
  now?: () => number;
  /** Holds an attempt back (an account under attack); a timer unless a test counts the waits. */
  wait?: (ms: number) => Promise<void>;
}

const minute = 60_000;
/** Failed password sign-ins one address may make a minute. */
const passwordFailures = [{ limit: 10, windowMs: minute }];
/**
 * Wrong PINs one address may type: a minute's limit for the morning's typos at a venue behind one
 * address, and an hour's so that guessing stays slow over a whole competition.
 */
const pinFailures = [
  { limit: 10, windowMs: minute },
  { limit: 30, windowMs: 60 * minute },
];
/** Unknown QR links one address may try: a link is 256 random bits, this only stops floods. */
const linkFailures = [{ limit: 10, windowMs: minute }];
/** Wrong PINs at the sign-offs of one signed-in tablet. */
const signOffFailures = [{ limit: 10, windowMs: minute }];
/**
 * Failures at one account (or at one competition's PINs) from any address: from the 10th in 15
 * minutes, every attempt at it is held back a second, a second more for every 10 more, at most 10.
 */
const targetSlowDown = { windowMs: 15 * minute, threshold: 10, stepMs: 1_000, maxMs: 10_000 };
/** A used session is written back at most this often, not on every request. */
const renewalStepMs = 5 * 60 * 1000;
const secretPattern = /^[A-Za-z0-9_-]{43}$/;
const pinPattern = /^\d{6}$/;

export class AccountService {
  private readonly now: () => number;
  private readonly wait: (ms: number) => Promise<void>;
  private readonly passwordAddresses: FailureBudget;
  private readonly pinAddresses: FailureBudget;
  private readonly linkAddresses: FailureBudget;
  /** Wrong PINs at a sign-off, per credential: only its own tablet can make them. */
  private readonly signOffCredentials: FailureBudget;
  private readonly accountTargets: SlowDown;
  private readonly competitionTargets: SlowDown;
  /** Verified against when the email is unknown, so the answer takes as long as for a known one. */
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly store: Store,
    options: AccountServiceOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.wait = options.wait ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.passwordAddresses = new FailureBudget(passwordFailures, this.now);
    this.pinAddresses = new FailureBudget(pinFailures, this.now);
    this.linkAddresses = new FailureBudget(linkFailures, this.now);
    this.signOffCredentials = new FailureBudget(signOffFailures, this.now);
    this.accountTargets = new SlowDown(targetSlowDown, this.now);
    this.competitionTargets = new SlowDown(targetSlowDown, this.now);
  }

  async createOrganiser(input: NewOrganiser): Promise<Account> {
    const fields = parse(newOrganiserSchema, input, 'body');
    const user: OrganiserUser = {
      id: randomUUID(),
      email: fields.email,
      name: fields.name,
      passwordHash: await hashPassword(fields.password),
      scope: fields.scope,
      roles: [...new Set(fields.roles)],
      disabled: false,
      createdAt: this.timestamp(),
    };
    await this.claimEmail(user.email, user.id);
    await this.store.putDocument(collections.organisers, asDocument(user), 0);
    return withoutSecrets(user);
  }

  async findByEmail(email: string): Promise<Account | undefined> {
    const user = await this.userByEmail(email);
    return user && withoutSecrets(user);
  }

  /** Disabling an account also ends its sessions. */
  async setDisabled(userId: string, disabled: boolean): Promise<Account | undefined> {
    const stored = await this.store.getDocument(collections.organisers, userId);
    if (!stored) return undefined;
    const user = { ...organiserUserSchema.parse(stored.document), disabled };
    await this.store.putDocument(collections.organisers, asDocument(user), stored.version);
    if (disabled) await this.endSessionsOf('subject.userId', userId);
    return withoutSecrets(user);
  }

  signInWithPassword(email: string, password: string, address: string): Promise<Account> {
    const budgets: Budgeted[] = [[this.passwordAddresses, addressKey(address)]];
    const target: Target = [this.accountTargets, email.trim().toLowerCase()];
    return this.limited(budgets, target, async () => {
      const user = await this.userByEmail(email);
      this.dummyHash ??= hashPassword(newSecret());
      const matches = await verifyPassword(password, user?.passwordHash ?? (await this.dummyHash));
      if (!user || !matches) throw refusal('unauthorized', 'password', 'wrongPassword');
      if (user.disabled) throw refusal('forbidden', 'email', 'accountDisabled');
      return withoutSecrets(user);
    });
  }

  /**
   * Issues the expert's credential for a competition, revoking any earlier one (a lost tablet,
   * a forgotten PIN, a changed role). The PIN is unique among the competition's active credentials.
   */
  async issueCredential(
    competitionId: string,
    expertId: string,
    role: ExpertRole,
    issuedBy: Subject,
  ): Promise<IssuedCredential> {
    const active = await this.revokeEarlier(competitionId, expertId);
    const taken = new Set(active.map((credential) => credential.pinDigest));
    for (;;) {
      const pin = newPin();
      if (taken.has(pinDigestOf(competitionId, pin))) continue;
      const issued = await this.storeCredential(competitionId, expertId, role, issuedBy, pin);
      if (issued) return issued;
      taken.add(pinDigestOf(competitionId, pin));
    }
  }

  /**
   * Issues a credential with a PIN the caller chose, for the demo data only: its PINs are fixed
   * so the README can print them. A PIN another active credential of the competition holds is a 409.
   */
  async issueCredentialWithPin(
    competitionId: string,
    expertId: string,
    role: ExpertRole,
    issuedBy: Subject,
    pin: string,
  ): Promise<IssuedCredential> {
    if (!pinPattern.test(pin)) throw refusal('validation_failed', 'pin', 'wrongPin');
    await this.revokeEarlier(competitionId, expertId);
    const issued = await this.storeCredential(competitionId, expertId, role, issuedBy, pin);
    if (!issued) throw new DomainError('conflict');
    return issued;
  }

  /** The competition's credentials still active once the expert's earlier ones are revoked. */
  private async revokeEarlier(
    competitionId: string,
    expertId: string,
  ): Promise<CompetitionCredential[]> {
    const active = await this.activeCredentials({ competitionId });
    for (const previous of active.filter((credential) => credential.expertId === expertId)) {
      await this.revokeCredential(previous.id);
    }
    return active.filter((credential) => credential.expertId !== expertId);
  }

  /** Stores the credential unless another active one of the competition holds the same PIN. */
  private async storeCredential(
    competitionId: string,
    expertId: string,
    role: ExpertRole,
    issuedBy: Subject,
    pin: string,
  ): Promise<IssuedCredential | undefined> {
    const pinDigest = pinDigestOf(competitionId, pin);
    const linkToken = newSecret();
    const credential: CompetitionCredential = {
      id: randomUUID(),
      competitionId,
      expertId,
      role,
      pinDigest,
      linkDigest: digest(linkToken),
      issuedBy,
      issuedAt: this.timestamp(),
    };
    await this.store.putDocument(collections.credentials, asDocument(credential), 0);
    // Two issues running at once could draw the same PIN: the later check sees both and gives way.
    const sharing = await this.activeCredentials({ competitionId, pinDigest });
    if (sharing.length === 1) return { credential: withoutDigests(credential), pin, linkToken };
    await this.store.deleteDocument(collections.credentials, credential.id);
    return undefined;
  }

  /** Revokes a credential and ends the sessions opened with it; revoking twice changes nothing. */
  async revokeCredential(credentialId: string): Promise<ExpertCredential | undefined> {
    const stored = await this.store.getDocument(collections.credentials, credentialId);
    if (!stored) return undefined;
    const credential = competitionCredentialSchema.parse(stored.document);
    if (credential.revokedAt) return withoutDigests(credential);
    const revoked = { ...credential, revokedAt: this.timestamp() };
    await this.store.putDocument(collections.credentials, asDocument(revoked), stored.version);
    await this.endSessionsOf('subject.credentialId', credentialId);
    return withoutDigests(revoked);
  }

  /** Revokes every active credential of one expert in one competition; returns how many. */
  async revokeCredentialsOf(competitionId: string, expertId: string): Promise<number> {
    const active = await this.activeCredentials({ competitionId, expertId });
    for (const credential of active) await this.revokeCredential(credential.id);
    return active.length;
  }

  /**
   * Revokes every active credential of a competition (a deleted exam session): no PIN or link of
   * it signs in again, and every tablet signed in with one is signed out. Returns how many.
   */
  async revokeCompetitionCredentials(competitionId: string): Promise<number> {
    const active = await this.activeCredentials({ competitionId });
    for (const credential of active) await this.revokeCredential(credential.id);
    return active.length;
  }

  signInWithPin(competitionId: string, pin: string, address: string): Promise<ExpertCredential> {
    const budgets: Budgeted[] = [[this.pinAddresses, addressKey(address)]];
    return this.limited(budgets, [this.competitionTargets, competitionId], async () => {
      const [credential] = pinPattern.test(pin)
        ? await this.activeCredentials({
            competitionId,
            pinDigest: pinDigestOf(competitionId, pin),
          })
        : [];
      if (!credential) throw refusal('unauthorized', 'pin', 'wrongPin');
      return withoutDigests(credential);
    });
  }

  /**
   * Checks that `pin` is the PIN of the signed-in expert's own credential, for a sign-off: the
   * PIN vouches that the expert, not whoever holds the tablet, signs. Wrong PINs count against
   * the same per-address budget as PIN sign-ins, so a sign-off cannot be used to guess PINs.
   */
  verifyCredentialPin(credential: ExpertCredential, pin: string, address: string): Promise<void> {
    const budgets: Budgeted[] = [
      [this.pinAddresses, addressKey(address)],
      [this.signOffCredentials, credential.id],
    ];
    return this.limited(budgets, undefined, async () => {
      const [own] = pinPattern.test(pin)
        ? await this.activeCredentials({
            competitionId: credential.competitionId,
            pinDigest: pinDigestOf(credential.competitionId, pin),
          })
        : [];
      if (own?.id !== credential.id) {
        throw new DomainError('invalid_pin', {}, (lang) => [
          {
            path: 'pin',
            code: 'wrongPin',
            message: translate(namespaces.auth[lang], 'refused.wrongPin'),
          },
        ]);
      }
    });
  }

  /** The competition's active credentials without their fingerprints: who holds a PIN now. */
  async activeCredentialsOf(competitionId: string): Promise<ExpertCredential[]> {
    return (await this.activeCredentials({ competitionId })).map(withoutDigests);
  }

  signInWithLink(token: string, address: string): Promise<ExpertCredential> {
    const budgets: Budgeted[] = [[this.linkAddresses, addressKey(address)]];
    return this.limited(budgets, undefined, async () => {
      const [credential] = secretPattern.test(token)
        ? await this.activeCredentials({ linkDigest: digest(token) })
        : [];
      if (!credential) throw refusal('unauthorized', 'token', 'wrongLink');
      return withoutDigests(credential);
    });
  }

  /** Opens a session; the returned secret goes into the cookie and is not kept. */
  async createSession(
    subject: Subject,
    lang: Language,
  ): Promise<{ secret: string; session: Session }> {
    const secret = newSecret();
    const now = this.now();
    const session: Session = {
      id: digest(secret),
      subject,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + sessionLifetimeMs[subject.kind]).toISOString(),
      lang,
    };
    await this.store.putDocument(collections.sessions, asDocument(session), 0);
    return { secret, session };
  }

  /**
   * The session behind a cookie secret and who it belongs to, sliding its expiry forward;
   * undefined when it is unknown, expired, or its account was disabled or credential revoked.
   */
  async loadSession(secret: string): Promise<LoadedSession | undefined> {
    if (!secretPattern.test(secret)) return undefined;
    const stored = await this.store.getDocument(collections.sessions, digest(secret));
    if (!stored) return undefined;
    const session = sessionSchema.parse(stored.document);
    const now = this.now();
    const actor =
      Date.parse(session.expiresAt) > now ? await this.actorOf(session.subject) : undefined;
    if (!actor) {
      await ignoringConflict(
        this.store.deleteDocument(collections.sessions, session.id, stored.version),
      );
      return undefined;
    }
    const lifetime = sessionLifetimeMs[session.subject.kind];
    if (Date.parse(session.expiresAt) - now > lifetime - renewalStepMs) {
      return { actor, session, renewed: false };
    }
    const renewedSession = { ...session, expiresAt: new Date(now + lifetime).toISOString() };
    // A conflict means the session was ended meanwhile: it must not be written back to life.
    const renewed = await ignoringConflict(
      this.store.putDocument(collections.sessions, asDocument(renewedSession), stored.version),
    );
    return renewed === undefined
      ? { actor, session, renewed: false }
      : { actor, session: renewedSession, renewed: true };
  }

  async endSession(secret: string): Promise<void> {
    if (secretPattern.test(secret))
      await this.store.deleteDocument(collections.sessions, digest(secret));
  }

  /**
   * Runs a sign-in attempt within the failure budgets of its keys (the client's address, ...),
   * after holding it back while its target (an account, a competition's PINs) is under attack.
   * A refusal (`unauthorized`, `invalid_pin`) counts as a failure; anything else does not.
   */
  private async limited<T>(
    budgets: Budgeted[],
    target: Target | undefined,
    attempt: () => Promise<T>,
  ): Promise<T> {
    const admitted: Array<(failed: boolean) => void> = [];
    let failed = false;
    try {
      for (const [budget, key] of budgets) {
        const admission = await budget.begin(key);
        if (!admission.admitted)
          throw new DomainError('rate_limited', { seconds: admission.seconds });
        admitted.push(admission.settle);
      }
      const delay = target ? target[0].delayMs(target[1]) : 0;
      if (delay > 0) await this.wait(delay);
      try {
        return await attempt();
      } catch (error) {
        failed = isGuessRefused(error);
        if (failed && target) target[0].fail(target[1]);
        throw error;
      }
    } finally {
      for (const settle of admitted) settle(failed);
    }
  }

  private async actorOf(subject: Subject): Promise<Actor | undefined> {
    if (subject.kind === 'user') {
      const stored = await this.store.getDocument(collections.organisers, subject.userId);
      const user = stored && organiserUserSchema.parse(stored.document);
      return user && !user.disabled ? { kind: 'organiser', user: withoutSecrets(user) } : undefined;
    }
    const stored = await this.store.getDocument(collections.credentials, subject.credentialId);
    const credential = stored && competitionCredentialSchema.parse(stored.document);
    return credential && !credential.revokedAt
      ? { kind: 'expert', credential: withoutDigests(credential) }
      : undefined;
  }

  private async userByEmail(email: string): Promise<OrganiserUser | undefined> {
    const claim = await this.store.getDocument(collections.emails, email.trim().toLowerCase());
    if (!claim) return undefined;
    const stored = await this.store.getDocument(
      collections.organisers,
      String(claim.document.userId),
    );
    return stored && organiserUserSchema.parse(stored.document);
  }

  /** Takes the email for a new account; a claim whose account was never written is taken over. */
  private async claimEmail(email: string, userId: string): Promise<void> {
    const claim = { id: email, userId };
    const existing = await this.store.getDocument(collections.emails, email);
    if (existing) {
      const owner = await this.store.getDocument(
        collections.organisers,
        String(existing.document.userId),
      );
      if (owner) throw refusal('conflict', 'email', 'emailTaken');
    }
    try {
      await this.store.putDocument(collections.emails, claim, existing?.version ?? 0);
    } catch (error) {
      if (error instanceof ConflictError) throw refusal('conflict', 'email', 'emailTaken');
      throw error;
    }
  }

  private async activeCredentials(
    filter: Record<string, string>,
  ): Promise<CompetitionCredential[]> {
    const found = await this.store.findDocuments(collections.credentials, filter);
    return found
      .map((stored) => competitionCredentialSchema.parse(stored.document))
      .filter((credential) => !credential.revokedAt);
  }

  private async endSessionsOf(field: 'subject.userId' | 'subject.credentialId', id: string) {
    for (const stored of await this.store.findDocuments(collections.sessions, { [field]: id })) {
      await this.store.deleteDocument(collections.sessions, stored.document.id);
    }
  }

  private timestamp(): string {
    return new Date(this.now()).toISOString();
  }
}

/** A failure budget and the key an attempt is counted under in it. */
type Budgeted = [FailureBudget, string];
/** Where an attempt is aimed, slowed down while it is under attack. */
type Target = [SlowDown, string];

/** Whether a sign-in attempt failed for a wrong secret (not for a disabled account, say). */
function isGuessRefused(error: unknown): boolean {
  return (
    error instanceof DomainError && (error.code === 'unauthorized' || error.code === 'invalid_pin')
  );
}

/** The competition is part of the digest, so equal PINs of two competitions do not match. */
function pinDigestOf(competitionId: string, pin: string): string {
  return digest(`${competitionId}:${pin}`);
}

function withoutSecrets({ passwordHash: _, ...account }: OrganiserUser): Account {
  return account;
}

function withoutDigests({
  pinDigest: _,
  linkDigest: __,
  ...credential
}: CompetitionCredential): ExpertCredential {
  return credential;
}

/** Our records are JSON by construction (zod shapes of strings, numbers, booleans, arrays). */
function asDocument(record: OrganiserUser | CompetitionCredential | Session): StoredDocument {
  return toDocument(record);
}

async function ignoringConflict<T>(write: Promise<T>): Promise<T | undefined> {
  try {
    return await write;
  } catch (error) {
    if (error instanceof ConflictError) return undefined;
    throw error;
  }
}

type RefusalKey = keyof (typeof namespaces)['auth']['en']['refused'];

function refusal(code: ErrorCode, path: string, key: RefusalKey): DomainError {
  return new DomainError(code, {}, (lang) => [
    { path, code: key, message: translate(namespaces.auth[lang], `refused.${key}`) },
  ]);
}

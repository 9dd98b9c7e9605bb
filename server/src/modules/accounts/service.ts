import type { Logger } from 'pino';
import type {
  CompleteVerificationBody, Me, PasswordResetConfirmBody, RegisterBody, Role, StartVerificationBody,
  StartVerificationResponse, VerificationLevel, VerifyEmailBody,
} from '@parallele/core';
import { levelRank, networkOf } from '@parallele/core';
import { AppError } from '../../errors';
import type { Config } from '../../config';
import type { Mailer } from './mailer';
import { mails } from './mails';
import { hashPassword, verifyPassword, type ScryptParams } from './passwords';
import type { AccountsRepository, CitizenRow, CodePurpose, SessionCitizen } from './repository';
import type { IdentityFingerprints } from './identity-fingerprint';
import { hmacHex, randomCode, randomToken, safeEqual, sha256Hex } from '../../secrets';
import type { VerificationProviders } from './verification-providers';

export interface AccountsServiceDeps {
  repo: AccountsRepository;
  config: Pick<Config, 'SCRYPT_LOG_N' | 'SCRYPT_P' | 'SESSION_TTL_DAYS'> & { secret: Buffer };
  mailer: Mailer;
  logger: Logger;
  now: () => Date;
  /** base of the links in mails, e.g. https://parallele.example */
  publicUrl: string;
  providers: VerificationProviders;
  /** keyed fingerprints of verified identifiers, kept after deletion (one person, one vote) */
  fingerprints: IdentityFingerprints;
  /** sessions ended (logout, reset, deletion): live sockets of those sessions must stop too */
  onSessionsEnded?: (ended: { citizenId: number } | { tokenHash: string }) => void;
}

const HOUR = 3_600_000;
const CODE_TTL: Record<CodePurpose, number> = { email: 48 * HOUR, reset: HOUR, phone: 0.25 * HOUR, identity: 0.25 * HOUR };
const MAX_CODE_ATTEMPTS = 5;
/** How long a deleted account's networks stay visible to the burst detector (see anonymise). */
export const DELETED_NETWORKS_KEPT_MS = 24 * HOUR;

export const invalidCode = () =>
  new AppError('invalid_code', 'The code or link is wrong, used or expired', { status: 400, extras: { param: 'code' } });
/**
 * A stronger verification the deployment does not offer: the client's mistake (or a feature
 * not switched on), said plainly, 501 as RFC 9110 puts it, operational (logged at info at most).
 */
export const providerUnavailable = (provider: string) =>
  new AppError('provider_unavailable', `Verification by ${provider} is not offered by this server: no ${provider} provider is configured`, {
    status: 501, title: 'Not Implemented', operational: true, extras: { param: 'provider' },
  });
export const invalidCredentials = () => new AppError('invalid_credentials', 'Wrong email or password', { status: 401 });

/** A unique index refused the write: SQLite's and PostgreSQL's (23505) codes. */
const isUniqueViolation = (error: unknown) => {
  const code = (error as { code?: string }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
};

export interface NewSession {
  token: string;
  expiresAt: number;
  me: Me;
}

export function createAccountsService(deps: AccountsServiceDeps) {
  const { repo, config, mailer, logger } = deps;
  const nowMs = () => deps.now().getTime();
  const scrypt: ScryptParams = { logN: config.SCRYPT_LOG_N, r: 8, p: config.SCRYPT_P };
  const pseudonym = (id: number) => hmacHex(config.secret, 'voter', String(id)).slice(0, 32);
  // Six digits are brute-forced offline in no time: the stored MAC is keyed and salted.
  const codeMac = (code: string, nonce = randomToken(12)) => `${nonce}$${hmacHex(config.secret, 'code', nonce, code)}`;
  const codeMatches = (stored: string, code: string) => safeEqual(stored, codeMac(code, stored.split('$')[0] ?? ''));
  // Unknown emails are checked against this so a login takes as long whether the account exists.
  const dummyHash = hashPassword(randomToken(), scrypt);

  /**
   * Sessions resolved in the last few seconds, so a burst of votes does not hit the sessions
   * table on every request. Any change to an account (logout, reset, deletion, level, role)
   * empties it: those are rare next to votes. A change made by ANOTHER connection (an admin CLI,
   * the sync child, another server process, a session deleted by hand) empties it too: SQLite's
   * `data_version` moves only then, and it is read on every lookup (one pragma, no table read),
   * so revocation is immediate. PostgreSQL has no such signal: there (storeVersion() is null) every
   * lookup reads the store, one index hit, and a logout on one process holds on all at once.
   */
  const sessionCache = new Map<string, { session: SessionCitizen; until: number }>();
  const SESSION_CACHE_MS = 10_000;
  let storeVersion = -1;
  const forgetSessions = () => sessionCache.clear();
  const endSessions = (ended: { citizenId: number } | { tokenHash: string }) => {
    forgetSessions();
    deps.onSessionsEnded?.(ended);
  };

  const toMe = (c: Pick<CitizenRow, 'email' | 'voterId' | 'level' | 'role' | 'createdAt'>): Me => ({
    email: c.email ?? '', voterId: c.voterId, level: c.level, role: c.role, createdAt: new Date(c.createdAt).toISOString(),
  });

  /** A new code (and link token) for `purpose`; the previous unused one stops working. */
  async function issueCode(citizenId: number, purpose: CodePurpose, subjectKey: string | null = null, secret?: string) {
    const at = nowMs();
    const code = secret ?? randomCode();
    const token = purpose === 'email' || purpose === 'reset' ? randomToken() : null;
    const row = await repo.insertCode({
      citizenId, purpose, codeHash: codeMac(code), tokenHash: token ? sha256Hex(token) : null, subjectKey, createdAt: at, expiresAt: at + CODE_TTL[purpose],
    });
    return { code, token, codeId: row.id };
  }

  /** Checks a typed code against the citizen's latest one, counting failed attempts. */
  async function consumeCode(citizen: CitizenRow | undefined, purpose: CodePurpose, code: string) {
    if (!citizen || citizen.deletedAt !== null) throw invalidCode();
    const row = await repo.latestActiveCode(citizen.id, purpose, nowMs());
    if (!row || row.attempts >= MAX_CODE_ATTEMPTS) throw invalidCode();
    if (!codeMatches(row.codeHash, code)) {
      await repo.countAttempt(row.id, row.attempts + 1);
      throw invalidCode();
    }
    await repo.useCode(row.id, nowMs());
    return citizen;
  }

  async function consumeToken(token: string, purpose: CodePurpose) {
    const row = await repo.activeCodeByToken(sha256Hex(token), purpose, nowMs());
    if (!row) throw invalidCode();
    await repo.useCode(row.id, nowMs());
    const citizen = await repo.findById(row.citizenId);
    if (!citizen || citizen.deletedAt !== null) throw invalidCode();
    return citizen;
  }

  /** `origin`: the request's own origin in development (no PUBLIC_URL), else the public URL. */
  function link(path: string, token: string, options: { origin?: string; next?: string } = {}) {
    const base = (options.origin ?? deps.publicUrl).replace(/\/$/, '');
    return `${base}${path}?token=${encodeURIComponent(token)}${options.next ? `&next=${encodeURIComponent(options.next)}` : ''}`;
  }

  /** The address is now proven: a deleted account of the same person hands over its votes. */
  async function inheritFrom(kind: 'email', citizen: CitizenRow) {
    if (!citizen.email) return;
    const succession = await deps.fingerprints.succeed(citizen.id, kind, citizen.email, nowMs());
    if (succession.predecessorId !== null) {
      logger.info({ voterId: citizen.voterId, inheritedVotes: succession.inheritedVotes, conflicts: succession.conflicts.length }, 'verified address of a deleted account: its votes are now this account\'s');
    }
  }

  function raiseLevel(citizen: CitizenRow, level: VerificationLevel): VerificationLevel {
    return levelRank(level) > levelRank(citizen.level) ? level : citizen.level;
  }

  return {
    pseudonym,

    /**
     * Always "accepted", whatever the address: a new one gets a verification mail, a known
     * unverified one a fresh code, a verified one a "you already have an account" mail. The
     * password is hashed in every branch so the timing says nothing either.
     */
    async register(body: RegisterBody, ip: string | null, origin?: string): Promise<void> {
      const passwordHash = await hashPassword(body.password, scrypt);
      const locale = body.locale ?? 'fr';
      const existing = await repo.findByEmail(body.email);
      if (existing) {
        // Verified or not, an existing account is never touched by a registration: its password,
        // sessions, votes and pending code stay (issue 10: re-registering an unverified address
        // took the account over). Its owner is told; a forgotten password goes through reset.
        mailer.send(mails.alreadyRegistered(body.email, existing.locale, link('/connexion', randomToken(8))));
        return;
      }
      const citizen = await repo.insertCitizen(
        { email: body.email, passwordHash, locale, registrationNetwork: networkOf(ip), createdAt: nowMs() },
        pseudonym,
      );
      const { code, token } = await issueCode(citizen.id, 'email');
      mailer.send(mails.verifyEmail(body.email, citizen.locale, code, link('/api/auth/verify-email', token!, { origin, next: body.next })));
    },

    async verifyEmail(body: VerifyEmailBody): Promise<Me> {
      const citizen = 'token' in body ? await consumeToken(body.token, 'email') : await consumeCode(await repo.findByEmail(body.email), 'email', body.code);
      const at = nowMs();
      await repo.update(citizen.id, { emailVerifiedAt: citizen.emailVerifiedAt ?? at, level: raiseLevel(citizen, 'email') });
      await inheritFrom('email', citizen);
      forgetSessions();
      return toMe((await repo.findById(citizen.id))!);
    },

    async login(email: string, password: string): Promise<NewSession> {
      const citizen = await repo.findByEmail(email);
      const ok = await verifyPassword(password, citizen?.passwordHash ?? (await dummyHash));
      if (!citizen || !ok) throw invalidCredentials();
      const token = randomToken();
      const createdAt = nowMs();
      const expiresAt = createdAt + config.SESSION_TTL_DAYS * 24 * HOUR;
      await repo.insertSession({ tokenHash: sha256Hex(token), citizenId: citizen.id, createdAt, expiresAt });
      return { token, expiresAt, me: toMe(citizen) };
    },

    /** Empties the session cache (a session ended on another process: issue 14). */
    forgetSessions,

    async resolveSession(token: string | undefined): Promise<SessionCitizen | null> {
      if (!token || token.length > 100) return null;
      const now = nowMs();
      const tokenHash = sha256Hex(token);
      const version = await repo.storeVersion();
      if (version !== storeVersion) {
        forgetSessions();
        storeVersion = version ?? -1;
      }
      const cached = sessionCache.get(tokenHash);
      if (version !== null && cached && cached.until > now && cached.session.expiresAt > now) return cached.session;
      const found = await repo.findSession(tokenHash, now);
      // An unverified account holding the address of a deleted account may not vote before it
      // proves the address (then it inherits the old votes instead of adding to them).
      const session: SessionCitizen | null = found
        ? { ...found, successionPending: found.level === 'none' && found.email !== null && (await deps.fingerprints.deletedHolder('email', found.email)) !== null }
        : null;
      if (session && version !== null) {
        if (sessionCache.size >= 100_000) sessionCache.clear();
        sessionCache.set(tokenHash, { session, until: now + SESSION_CACHE_MS });
      } else sessionCache.delete(tokenHash);
      return session;
    },

    async logout(token: string | undefined): Promise<void> {
      if (!token) return;
      await repo.deleteSession(sha256Hex(token));
      endSessions({ tokenHash: sha256Hex(token) });
    },

    async me(citizenId: number): Promise<Me> {
      const citizen = await repo.findById(citizenId);
      if (!citizen || citizen.deletedAt !== null) throw AppError.unauthorized();
      return toMe(citizen);
    },

    /** Always "accepted"; only an existing, not deleted account gets a mail. */
    async requestPasswordReset(email: string): Promise<void> {
      // Answered before any work: a known address used to take twice as long (issue 10, point 10).
      mailer.later(async () => {
        const citizen = await repo.findByEmail(email);
        if (!citizen) return null;
        const { code, token } = await issueCode(citizen.id, 'reset');
        return mails.resetPassword(email, citizen.locale, code, link('/reinitialiser', token!));
      });
    },

    /** Sets the new password and ends every session of the account (a thief's included). */
    async confirmPasswordReset(body: PasswordResetConfirmBody): Promise<void> {
      const passwordHash = await hashPassword(body.newPassword, scrypt);
      const citizen = 'token' in body ? await consumeToken(body.token, 'reset') : await consumeCode(await repo.findByEmail(body.email), 'reset', body.code);
      // Answering a mailed code also proves the address.
      await repo.update(citizen.id, { passwordHash, emailVerifiedAt: citizen.emailVerifiedAt ?? nowMs(), level: raiseLevel(citizen, 'email') });
      await inheritFrom('email', citizen);
      await repo.deleteSessionsOf(citizen.id);
      endSessions({ citizenId: citizen.id });
    },

    async deleteAccount(citizenId: number, password: string): Promise<void> {
      const citizen = await repo.findById(citizenId);
      if (!citizen || citizen.deletedAt !== null) throw AppError.unauthorized();
      if (!(await verifyPassword(password, citizen.passwordHash ?? (await dummyHash)))) throw invalidCredentials();
      await repo.anonymise(citizenId, nowMs());
      await repo.purgeDeletedNetworks(nowMs() - DELETED_NETWORKS_KEPT_MS);
      endSessions({ citizenId });
      logger.info({ voterId: citizen.voterId }, 'account deleted (anonymised, votes kept)');
    },

    async startVerification(citizenId: number, body: StartVerificationBody): Promise<StartVerificationResponse> {
      const provider = deps.providers[body.provider];
      if (!provider) throw providerUnavailable(body.provider);
      const citizen = await repo.findById(citizenId);
      if (!citizen || citizen.deletedAt !== null) throw AppError.unauthorized();
      const challenge = await provider.start(body, { citizenId, locale: citizen.locale });
      const purpose: CodePurpose = provider.level === 'identity' ? 'identity' : 'phone';
      const { codeId } = await issueCode(citizenId, purpose, challenge.subjectKey, challenge.secret);
      return { provider: provider.id, challengeId: String(codeId), redirectUrl: challenge.redirectUrl };
    },

    async completeVerification(citizenId: number, providerId: StartVerificationBody['provider'], body: CompleteVerificationBody): Promise<Me> {
      const provider = deps.providers[providerId];
      if (!provider) throw providerUnavailable(providerId);
      const row = await repo.codeById(Number(body.challengeId));
      const usable = row && row.citizenId === citizenId && row.usedAt === null && row.expiresAt > nowMs() && row.attempts < MAX_CODE_ATTEMPTS;
      if (!row || !usable) throw invalidCode();
      let subjectKey: string;
      try {
        subjectKey = await provider.complete({ secretMatches: (c) => codeMatches(row.codeHash, c), subjectKey: row.subjectKey }, body.code);
      } catch (error) {
        await repo.countAttempt(row.id, row.attempts + 1);
        throw error;
      }
      await repo.useCode(row.id, nowMs());
      const citizen = (await repo.findById(citizenId))!;
      const holder = provider.level === 'identity' ? await repo.findByIdentityKey(subjectKey) : await repo.findByPhoneKey(subjectKey);
      if (holder && holder.id !== citizenId) {
        throw new AppError('already_verifies_another_account', 'This proof already verifies another account: one person, one account', { status: 409 });
      }
      const kind = provider.level === 'identity' ? 'identity' : 'phone';
      const predecessor = await deps.fingerprints.deletedHolder(kind, subjectKey, citizenId);
      if (predecessor !== null && (await deps.fingerprints.conflicts(predecessor, citizenId)).length > 0) {
        throw new AppError(
          'already_voted_as_deleted_account',
          'This proof verified an account that was deleted and whose votes still count, on scrutins this account voted on too: one person, one vote',
          { status: 409 },
        );
      }
      try {
        await repo.update(citizenId, {
          level: raiseLevel(citizen, provider.level),
          ...(provider.level === 'identity' ? { identityKey: subjectKey } : { phoneKey: subjectKey }),
        });
      } catch (error) {
        // Two accounts finishing with the same phone at the same moment: the unique index decides.
        if (isUniqueViolation(error)) {
          throw new AppError('already_verifies_another_account', 'This proof already verifies another account: one person, one account', { status: 409 });
        }
        throw error;
      }
      await deps.fingerprints.succeed(citizenId, kind, subjectKey, nowMs());
      forgetSessions();
      return toMe((await repo.findById(citizenId))!);
    },

    /**
     * CLI: create an admin account (email verified), or promote an existing one. A new account
     * without a given password gets a random one, returned once.
     */
    async createAdmin(email: string, password: string | null): Promise<{ created: boolean; me: Me; generatedPassword: string | null }> {
      const existing = await repo.findByEmail(email);
      const role: Role = 'admin';
      if (existing) {
        await repo.update(existing.id, { role, ...(password ? { passwordHash: await hashPassword(password, scrypt) } : {}) });
        forgetSessions();
        return { created: false, me: toMe((await repo.findById(existing.id))!), generatedPassword: null };
      }
      const generatedPassword = password ? null : randomToken(18);
      const at = nowMs();
      const row = await repo.insertCitizen(
        { email, passwordHash: await hashPassword(password ?? generatedPassword!, scrypt), locale: 'fr', registrationNetwork: null, createdAt: at, role },
        pseudonym,
      );
      await repo.update(row.id, { emailVerifiedAt: at, level: 'email' });
      await inheritFrom('email', row);
      return { created: true, me: toMe((await repo.findById(row.id))!), generatedPassword };
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;

import { z } from 'zod';

/**
 * HTTP contracts of the accounts feature (register, verify, sessions, reset, deletion, stronger
 * verification). Shared by the server (validation) and the client (types and forms).
 */

/** Lower-cased and trimmed before validation so `A@x.fr ` and `a@x.fr` are one account. */
export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'email: 254 characters at most')
  .pipe(z.email({ message: 'email: not a valid address' }));

/** Length is what matters (NIST 800-63B); the upper bound keeps hashing cost bounded. */
export const PasswordSchema = z
  .string()
  .min(10, 'password: 10 characters at least')
  .max(200, 'password: 200 characters at most');

export const LOCALES = ['fr', 'en'] as const;
export const LocaleSchema = z.enum(LOCALES);

/** A page of this site to return to (`/scrutins/VTANR5L16V1240`): a path, never `//host` or a URL. */
export const NextPathSchema = z
  .string()
  .max(300, { error: 'at most 300 characters' })
  .regex(/^\/(?![/\\])[^\s\\]*$/, { error: 'a path of this site, such as /scrutins/VTANR5L16V1240' });

export const RegisterBodySchema = z.strictObject({
  email: EmailSchema,
  password: PasswordSchema,
  locale: LocaleSchema.optional(),
  /** the page the citizen came from: the mailed link brings them back there */
  next: NextPathSchema.optional(),
});
export type RegisterBody = z.infer<typeof RegisterBodySchema>;

/** Login accepts any password length so a too-short guess is just "invalid credentials". */
export const LoginBodySchema = z.strictObject({
  email: EmailSchema,
  password: z.string().min(1, 'password: required').max(200, 'password: 200 characters at most'),
});
export type LoginBody = z.infer<typeof LoginBodySchema>;

/** Six digits, as mailed. */
export const CodeSchema = z.string().trim().regex(/^\d{6}$/, 'code: six digits');
/** The long random token of a mailed link. */
export const LinkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'token: malformed');

/** Verify an address either with the code typed by hand or with the token of the link. */
export const VerifyEmailBodySchema = z.union([
  z.strictObject({ email: EmailSchema, code: CodeSchema }),
  z.strictObject({ token: LinkTokenSchema }),
]);
export type VerifyEmailBody = z.infer<typeof VerifyEmailBodySchema>;

export const PasswordResetRequestBodySchema = z.strictObject({ email: EmailSchema });
export type PasswordResetRequestBody = z.infer<typeof PasswordResetRequestBodySchema>;

export const PasswordResetConfirmBodySchema = z.union([
  z.strictObject({ email: EmailSchema, code: CodeSchema, newPassword: PasswordSchema }),
  z.strictObject({ token: LinkTokenSchema, newPassword: PasswordSchema }),
]);
export type PasswordResetConfirmBody = z.infer<typeof PasswordResetConfirmBodySchema>;

export const DeleteAccountBodySchema = z.strictObject({
  password: z.string().min(1, 'password: required').max(200),
});
export type DeleteAccountBody = z.infer<typeof DeleteAccountBodySchema>;

/**
 * Verification levels, weakest first. `email`: the address answered; `phone`: an SMS code
 * answered (one phone number, one account); `identity`: an identity provider (FranceConnect-style
 * OpenID Connect) vouched for a person (one person, one account).
 */
export const VERIFICATION_LEVELS = ['none', 'email', 'phone', 'identity'] as const;
export const VerificationLevelSchema = z.enum(VERIFICATION_LEVELS);
export type VerificationLevel = z.infer<typeof VerificationLevelSchema>;
export const levelRank = (level: VerificationLevel): number => VERIFICATION_LEVELS.indexOf(level);

export const ROLES = ['citizen', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** What the signed-in citizen sees about themself. `voterId` is their pseudonym in public logs. */
export const MeSchema = z.object({
  email: z.string(),
  voterId: z.string(),
  level: VerificationLevelSchema,
  role: RoleSchema,
  createdAt: z.string(),
});
export type Me = z.infer<typeof MeSchema>;

/** GET /api/auth/session: who is signed in, `me: null` for an anonymous visitor (not an error). */
export const SessionStateSchema = z.object({ me: MeSchema.nullable() });
export type SessionState = z.infer<typeof SessionStateSchema>;

/** Login answer: the account and the CSRF token to send back in the `x-csrf-token` header. */
export const SessionResponseSchema = z.object({ me: MeSchema, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

export const CsrfResponseSchema = z.object({ csrfToken: z.string() });
export type CsrfResponse = z.infer<typeof CsrfResponseSchema>;

/** The same answer whatever the address: nothing tells whether an account exists. */
export const AcceptedResponseSchema = z.object({ status: z.literal('accepted') });
export type AcceptedResponse = z.infer<typeof AcceptedResponseSchema>;

/** Names of the CSRF cookie and header (the double-submit pair). */
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_COOKIE = 'pl_csrf';
export const SESSION_COOKIE = 'pl_session';

/** Stronger verification providers. A new one plugs in server-side under a new id. */
export const VERIFICATION_PROVIDERS = ['sms', 'oidc'] as const;
export const VerificationProviderIdSchema = z.enum(VERIFICATION_PROVIDERS);
export type VerificationProviderId = z.infer<typeof VerificationProviderIdSchema>;

/** E.164 phone number, e.g. +33612345678. */
export const PhoneSchema = z.string().trim().regex(/^\+[1-9]\d{6,14}$/, 'phone: E.164 format, e.g. +33612345678');

export const StartVerificationBodySchema = z.union([
  z.strictObject({ provider: z.literal('sms'), phone: PhoneSchema }),
  z.strictObject({ provider: z.literal('oidc'), redirectUri: z.url().max(500).optional() }),
]);
export type StartVerificationBody = z.infer<typeof StartVerificationBodySchema>;

/** `redirectUrl` for redirect-based providers (OIDC), nothing else for code-based ones (SMS). */
export const StartVerificationResponseSchema = z.object({
  provider: VerificationProviderIdSchema,
  challengeId: z.string(),
  redirectUrl: z.string().nullable(),
});
export type StartVerificationResponse = z.infer<typeof StartVerificationResponseSchema>;

export const CompleteVerificationBodySchema = z.strictObject({
  challengeId: z.string().min(1).max(100),
  /** the SMS code, or the OIDC authorization code */
  code: z.string().trim().min(1).max(2000),
  state: z.string().max(200).optional(),
});
export type CompleteVerificationBody = z.infer<typeof CompleteVerificationBodySchema>;

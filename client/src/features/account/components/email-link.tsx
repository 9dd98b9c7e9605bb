import type { ReactNode } from 'react';
import { Navigate, useSearchParams } from 'react-router';

/** Outcomes the server's mailed verification link lands with (`/?emailVerification=…`). */
export const EMAIL_LINK_OUTCOMES = ['ok', 'invalid'] as const;
export type EmailLinkOutcome = (typeof EMAIL_LINK_OUTCOMES)[number];

export const emailLinkOutcome = (value: string | null): EmailLinkOutcome | null =>
  (EMAIL_LINK_OUTCOMES as readonly string[]).includes(value ?? '') ? (value as EmailLinkOutcome) : null;

/**
 * The mailed verification link is `/api/auth/verify-email?token=…`: the server verifies and
 * redirects to `/?emailVerification=ok|invalid`. This sends that landing on to the account page,
 * which says what happened; any other visit renders `children` (the home page).
 */
export function EmailLinkLanding({ children }: { children: ReactNode }) {
  const [params] = useSearchParams();
  const outcome = emailLinkOutcome(params.get('emailVerification'));
  // `next`: the page the citizen registered from (the server checked it is a path of this site)
  const next = params.get('next');
  if (outcome) return <Navigate to={`/account?emailVerification=${outcome}${next ? `&next=${encodeURIComponent(next)}` : ''}`} replace />;
  return children;
}

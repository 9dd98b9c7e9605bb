/** The accounts module's public entry: what boot, the HTTP edge and other modules may use. */
export { createAccountsService, type AccountsService } from './service';
export { accountsRepository, purgeDeletedNetworks, type SessionCitizen } from './repository';
export { identityFingerprints, type IdentityFingerprints } from './identity-fingerprint';
export { createMailer, type Mailer, type MailMessage } from './mailer';
export { loggingSmsSender, smsProvider, type VerificationProviders } from './verification-providers';

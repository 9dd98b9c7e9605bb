export { systemClock, type Clock } from './clock';
export { HttpFetchError } from './errors';
export { DEFAULT_USER_AGENT, PoliteHttpClient, type FetchOptions, type HttpEvent, type PoliteClientOptions } from './polite-client';
export { RateLimiter, backoffDelay, parseRetryAfter } from './politeness';
export { ValidatorCache, type ValidatorStore, type Validators } from './validators';

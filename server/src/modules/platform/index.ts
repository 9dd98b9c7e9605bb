/** The platform module's public entry: issue 13's services, built once by buildAppDeps (deps.platform). */
export { createPlatform, type Platform, type PlatformDeps } from './platform';

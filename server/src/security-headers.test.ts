import express from 'express';
import helmet, { type HelmetOptions } from 'helmet';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { precomputedHeaders, securityHeaders } from './security-headers';

const SECURITY_HEADERS = [
  'content-security-policy', 'cross-origin-opener-policy', 'cross-origin-resource-policy', 'origin-agent-cluster',
  'referrer-policy', 'strict-transport-security', 'x-content-type-options', 'x-dns-prefetch-control',
  'x-download-options', 'x-frame-options', 'x-permitted-cross-domain-policies', 'x-powered-by', 'x-xss-protection',
];

const optionSets: Record<string, HelmetOptions> = {
  'the defaults': {},
  'the app pages (http)': {
    contentSecurityPolicy: { directives: { connectSrc: ["'self'", 'ws:', 'wss:'], upgradeInsecureRequests: null, frameAncestors: ["'self'"] } },
    xFrameOptions: { action: 'sameorigin' },
    strictTransportSecurity: false,
  },
  'the embed widget (https)': {
    contentSecurityPolicy: { directives: { connectSrc: ["'self'", 'ws:', 'wss:'], upgradeInsecureRequests: [], frameAncestors: ['*'] } },
    xFrameOptions: false,
    strictTransportSecurity: true,
  },
};

async function headersOf(middleware: express.RequestHandler) {
  const app = express();
  app.use(middleware);
  app.get('/', (_req, res) => res.send('ok'));
  const res = await request(app).get('/');
  return Object.fromEntries(SECURITY_HEADERS.map((h) => [h, res.headers[h] as string | undefined]));
}

describe('precomputed security headers', () => {
  for (const [name, options] of Object.entries(optionSets)) {
    it(`are exactly helmet's own headers for ${name}`, async () => {
      const ours = await headersOf(securityHeaders([precomputedHeaders(options)], () => 0));
      expect(ours).toEqual(await headersOf(helmet(options)));
      expect(ours['content-security-policy']).toContain("default-src 'self'");
      expect(ours['x-powered-by']).toBeUndefined();
    });
  }

  it('pick the header set by path', async () => {
    const app = express();
    app.use(securityHeaders([precomputedHeaders(optionSets['the app pages (http)']!), precomputedHeaders(optionSets['the embed widget (https)']!)], (p) => (p.startsWith('/embed/') ? 1 : 0)));
    app.get('/{*rest}', (_req, res) => res.send('ok'));
    expect((await request(app).get('/embed/x')).headers['content-security-policy']).toContain('frame-ancestors *');
    expect((await request(app).get('/page')).headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('refuse options helmet refuses', () => {
    expect(() => precomputedHeaders({ referrerPolicy: { policy: 'nonsense' as 'no-referrer' } })).toThrow(/Referrer-Policy/);
  });
});

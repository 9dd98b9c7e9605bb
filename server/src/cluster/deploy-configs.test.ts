import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../config';

/**
 * deploy/'s reverse-proxy configurations are checked by the proxies themselves (Debian's nginx
 * and haproxy packages), so a typo fails here and not on the day of a launch.
 */
function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) throw new Error(`${command} is not installed: apt-get install -y nginx haproxy (bash .ci/run does it)`);
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('deploy/ configurations', () => {
  it('nginx accepts deploy/nginx/parallele.conf (sticky sockets by ip_hash, WebSocket upgrade)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallele-nginx-'));
    try {
      const conf = join(REPO_ROOT, 'deploy/nginx/parallele.conf');
      // The file is a conf.d include: wrap it the way Debian's nginx.conf does (inside http {}).
      writeFileSync(join(dir, 'nginx.conf'), `error_log ${dir}/error.log;\npid ${dir}/nginx.pid;\nevents {}\nhttp {\n  include ${conf};\n}\n`);
      const { status, output } = run('nginx', ['-t', '-q', '-p', dir, '-c', join(dir, 'nginx.conf'), '-g', `user root;`]);
      expect(output).toBe('');
      expect(status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('haproxy accepts deploy/haproxy/haproxy.cfg (cookie SERVERID insert on the socket backend)', () => {
    const { status, output } = run('haproxy', ['-c', '-f', join(REPO_ROOT, 'deploy/haproxy/haproxy.cfg')]);
    expect(output).toContain('Configuration file is valid');
    expect(status).toBe(0);
  });
});

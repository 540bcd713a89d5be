/**
 * The site's static server (site/server.ts): files of the built folder with
 * the types a browser needs for modules and workers, nothing outside it.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSiteServer, type SiteServer } from '@/site/server';

let dir: string;
let server: SiteServer;

/** A raw GET (fetch would normalize "/../" away before sending it). */
function get(rawPath: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }));
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'strata-site-'));
  dir = path.join(parent, 'site');
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), '<h1>Strata</h1>');
  writeFileSync(path.join(dir, 'assets', 'demo-1.js'), 'export {}');
  writeFileSync(path.join(parent, 'secret.txt'), 'not served');
  server = await startSiteServer(dir);
});

afterAll(async () => {
  await server.close();
  rmSync(path.dirname(dir), { recursive: true, force: true });
});

describe('startSiteServer', () => {
  it('listens on 127.0.0.1 and serves the folder, index.html for /', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(await get('/')).toEqual({ status: 200, type: 'text/html; charset=utf-8', body: '<h1>Strata</h1>' });
    expect(await get('/index.html?x=1')).toMatchObject({ status: 200, body: '<h1>Strata</h1>' });
  });

  it('serves modules as JavaScript (a module or worker with another type is refused by the browser)', async () => {
    expect(await get('/assets/demo-1.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
  });

  it('answers 404 for a missing file and never serves a file outside the folder', async () => {
    expect((await get('/nothing.html')).status).toBe(404);
    // "/../" is resolved by URL parsing to "/secret.txt" inside the folder (absent: 404);
    // an encoded "..%2f" survives parsing and is refused once decoded (403).
    for (const climb of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%2fsecret.txt']) {
      const answer = await get(climb);
      expect([403, 404], climb).toContain(answer.status);
      expect(answer.body).not.toContain('not served');
    }
    expect((await get('/assets/..%2f..%2fsecret.txt')).status).toBe(403);
  });

  it('takes the next free port when the asked one is busy', async () => {
    const second = await startSiteServer(dir, server.port);
    try {
      expect(second.port).toBeGreaterThan(server.port);
      expect((await fetch(`${second.url}index.html`)).status).toBe(200);
    } finally {
      await second.close();
    }
  });
});

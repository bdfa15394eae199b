import Fastify from 'fastify';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheControl, serveWebAppAndNotFound } from './web-app.js';

const script = `console.log(${JSON.stringify('a phone on a slow network '.repeat(200))});`;
const page = `<!doctype html><title>app</title>${'<!-- padding -->'.repeat(100)}`;
let app: ReturnType<typeof Fastify>;

beforeAll(async () => {
  // A build as vite.config.ts leaves it: each text file with its .br and .gz beside it.
  const root = mkdtempSync(join(tmpdir(), 'web-app-'));
  mkdirSync(join(root, 'assets'));
  for (const [path, content] of [['index.html', page], ['assets/index-Abc123.js', script]] as const) {
    writeFileSync(join(root, path), content);
    writeFileSync(join(root, `${path}.br`), brotliCompressSync(content));
    writeFileSync(join(root, `${path}.gz`), gzipSync(content));
  }
  app = Fastify();
  await serveWebAppAndNotFound(app, root, { isSetUp: async () => true, apiDocs: false });
});
afterAll(() => app.close());

const get = (url: string, acceptEncoding?: string) => app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('the web app on the wire', () => {
  it('a hashed asset goes brotli-compressed to a browser that takes it, cached for a year', async () => {
    const response = await get('/assets/index-Abc123.js', 'gzip, deflate, br');
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe(cacheControl.hashed);
    expect(response.headers['vary']).toMatch(/accept-encoding/i);
    expect(response.headers['content-type']).toContain('javascript');
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(script);
    expect(response.rawPayload.length).toBeLessThan(script.length / 5);
  });

  it('gzip where brotli is not taken, the plain file where neither is', async () => {
    const gzipped = await get('/assets/index-Abc123.js', 'gzip');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.rawPayload).toString()).toBe(script);
    const plain = await get('/assets/index-Abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('index.html, and a deep link answered with it, is compressed but asked for again each time', async () => {
    for (const url of ['/index.html', '/clients/123']) {
      const response = await get(url, 'br');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBe('br');
      expect(response.headers['cache-control']).toBe(cacheControl.other);
      expect(brotliDecompressSync(response.rawPayload).toString()).toBe(page);
    }
  });

  it('an unknown API path is still a problem, not the page', async () => {
    const response = await get('/api/nothing-here', 'br');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});

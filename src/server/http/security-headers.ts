import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The hashes of the inline scripts of the built index.html (the early session request), so the
 * Content-Security-Policy allows exactly those and no other inline script.
 */
export function inlineScriptHashes(webAppDirectory: string | undefined): string[] {
  const file = webAppDirectory === undefined ? undefined : join(webAppDirectory, 'index.html');
  if (!file || !existsSync(file)) return [];
  const html = readFileSync(file, 'utf8');
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map(
    ([, body]) => `'sha256-${createHash('sha256').update(body!, 'utf8').digest('base64')}'`,
  );
}

/**
 * Security headers on every answer (HTML, API, static files, refusals): a Content-Security-Policy
 * without inline scripts beyond the hashed ones (styles may be inline: Mantine and the calendar
 * set them), no framing at all, nosniff, no referrer, and HSTS when served over HTTPS in production.
 */
export async function sendSecurityHeaders(app: FastifyInstance, o: { webAppDirectory: string | undefined; hsts: boolean }) {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'", ...inlineScriptHashes(o.webAppDirectory)],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(o.hsts ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    hsts: o.hsts ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  });
}

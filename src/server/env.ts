import { isIP } from 'node:net';
import { z } from 'zod';

/** proxy-addr's names for address ranges, accepted in TRUST_PROXY's address list. */
const proxyRangeNames = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (proxyRangeNames.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  if (rest.length > 0 || !address || !isIP(address)) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (isIP(address) === 4 ? 32 : 128);
}

/**
 * Which proxies' X-Forwarded-* headers to believe, in Fastify's forms: off (the default), a hop
 * count ("1": the nearest proxy), or a list of addresses and ranges ("10.0.0.1,10.1.0.0/16");
 * "true" believes every hop and so lets any client choose its address: only for a proxy that
 * strips what clients send.
 */
const trustProxySchema = z
  .string()
  .trim()
  .default('false')
  .transform((value, context): boolean | number | string => {
    if (value === '' || value === 'false') return false;
    if (value === 'true') return true;
    if (/^\d+$/.test(value)) return Number(value);
    const entries = value.split(',').map((entry) => entry.trim());
    if (entries.every(isAddressOrRange)) return entries.join(',');
    context.addIssue({
      code: 'custom',
      message: 'must be false, a hop count (1), or the proxies\' addresses or ranges (10.0.0.1,10.1.0.0/16, loopback)',
    });
    return z.NEVER;
  });

const flag = (name: string) =>
  z.enum(['true', 'false'], { message: `${name} must be true or false` }).transform((value) => value === 'true');

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/, message: 'must be a postgres:// URL' })
      .optional()
      .or(z.literal('').transform(() => undefined)),
    PUBLIC_URL: z.url({ message: 'must be the URL people open, e.g. https://app.example.com' }).optional(),
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    TRUST_PROXY: trustProxySchema,
    SMTP_URL: z
      .url({ protocol: /^smtps?$/, message: 'must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.com:587' })
      .optional()
      .or(z.literal('').transform(() => undefined)),
    MAIL_FROM: z
      .string()
      .regex(/^[^<>]*<[^<>@\s]+@[^<>@\s]+>$|^[^<>@\s]+@[^<>@\s]+$/, 'must be an address, e.g. "Riverside Swim <office@riverside.example.com>"')
      .default('no-reply@localhost'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Sign-in attempts one address may make in a minute (an office behind one address, or the browser tests, may need more). */
    SIGN_IN_ATTEMPTS_PER_MINUTE: z.coerce.number({ message: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(10_000, 'must be at most 10000').default(10),
    /** Background jobs (the daily invoice run, the email sender): `off` starts the server without them, as tests may. */
    JOBS: z.enum(['on', 'off'], { message: 'must be on or off' }).default('on'),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** Load the demo organizations on an empty database: on by default outside production. */
    DEMO_DATA: flag('DEMO_DATA').optional(),
    /** Serve the OpenAPI description and its viewer at /docs: on by default outside production. */
    API_DOCS: flag('API_DOCS').optional(),
  })
  .transform((env, context) => {
    const production = env.NODE_ENV === 'production';
    const demoData = env.DEMO_DATA ?? !production;
    if (production && demoData) {
      context.addIssue({
        code: 'custom',
        path: ['DEMO_DATA'],
        message: 'must not be true in production: the demo logins share a published password',
      });
    }
    return { ...env, DEMO_DATA: demoData, API_DOCS: env.API_DOCS ?? !production };
  });

export type Env = z.infer<typeof envSchema>;

/** Validates the environment once at start-up; a bad value names its variable. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${problems.join('\n')}`);
  }
  return result.data;
}

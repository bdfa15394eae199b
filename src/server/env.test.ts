import { describe, expect, it } from 'vitest';
import { loadEnv } from './env.js';

describe('loadEnv', () => {
  it('defaults to port 3000 and the ./data directory with the embedded database', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: './data' });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('runs background jobs unless JOBS=off', () => {
    expect(loadEnv({}).JOBS).toBe('on');
    expect(loadEnv({ JOBS: 'off' }).JOBS).toBe('off');
  });

  it('allows 10 sign-in attempts a minute from one address unless told otherwise', () => {
    expect(loadEnv({}).SIGN_IN_ATTEMPTS_PER_MINUTE).toBe(10);
    expect(loadEnv({ SIGN_IN_ATTEMPTS_PER_MINUTE: '200' }).SIGN_IN_ATTEMPTS_PER_MINUTE).toBe(200);
  });

  it('takes a PostgreSQL server URL', () => {
    expect(loadEnv({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/app' }).DATABASE_URL).toBe(
      'postgres://postgres@127.0.0.1:5432/app',
    );
  });

  it('takes an SMTP server and the address mail comes from', () => {
    expect(loadEnv({ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'Riverside Swim <office@riverside.example.com>' })).toMatchObject({
      SMTP_URL: 'smtp://127.0.0.1:2525',
      MAIL_FROM: 'Riverside Swim <office@riverside.example.com>',
    });
    expect(loadEnv({}).SMTP_URL).toBeUndefined();
  });

  it.each([
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://localhost/app' }, 'DATABASE_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ SMTP_URL: 'http://mail.example.com' }, 'SMTP_URL'],
    [{ MAIL_FROM: 'not an address' }, 'MAIL_FROM'],
    [{ JOBS: 'no' }, 'JOBS'],
    [{ SIGN_IN_ATTEMPTS_PER_MINUTE: '0' }, 'SIGN_IN_ATTEMPTS_PER_MINUTE'],
    [{ SIGN_IN_ATTEMPTS_PER_MINUTE: 'many' }, 'SIGN_IN_ATTEMPTS_PER_MINUTE'],
  ])('refuses %o, naming %s', (source, variable) => {
    expect(() => loadEnv(source)).toThrow(variable);
  });
});

describe('TRUST_PROXY', () => {
  it('is off unless set', () => {
    expect(loadEnv({}).TRUST_PROXY).toBe(false);
    expect(loadEnv({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
  });

  it("takes Fastify's forms: a hop count, an address list with ranges, or true", () => {
    expect(loadEnv({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadEnv({ TRUST_PROXY: '10.0.0.1, 10.1.0.0/16,loopback,::1' }).TRUST_PROXY).toBe('10.0.0.1,10.1.0.0/16,loopback,::1');
    expect(loadEnv({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
  });

  it.each(['yes', '10.0.0.300', '10.0.0.0/33', 'proxy.example.com', '1.5'])('refuses %s, naming TRUST_PROXY', (value) => {
    expect(() => loadEnv({ TRUST_PROXY: value })).toThrow('TRUST_PROXY');
  });
});

describe('DEMO_DATA and API_DOCS', () => {
  it('are on by default in development and off in production', () => {
    expect(loadEnv({})).toMatchObject({ DEMO_DATA: true, API_DOCS: true });
    expect(loadEnv({ NODE_ENV: 'production' })).toMatchObject({ DEMO_DATA: false, API_DOCS: false });
    expect(loadEnv({ DEMO_DATA: 'false', API_DOCS: 'false' })).toMatchObject({ DEMO_DATA: false, API_DOCS: false });
    expect(loadEnv({ NODE_ENV: 'production', API_DOCS: 'true' }).API_DOCS).toBe(true);
  });

  it('refuses the demo in production, naming DEMO_DATA', () => {
    expect(() => loadEnv({ NODE_ENV: 'production', DEMO_DATA: 'true' })).toThrow(/DEMO_DATA: must not be true in production/);
  });
});

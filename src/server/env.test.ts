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
  ])('refuses %o, naming %s', (source, variable) => {
    expect(() => loadEnv(source)).toThrow(variable);
  });
});

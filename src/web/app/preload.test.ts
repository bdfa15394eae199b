import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../api/query-keys';
import { currentSessionKey } from '../features/auth/hooks/use-current-session';
import { schedulePeriod } from '../features/schedule/schedule-period';
import { todayIn } from '../shared/format/dates';
import { preloadLanding, type EarlyRequests } from './preload';

/** The script of index.html that asks for the session before the app's code is there. */
const script = /<script>([\s\S]*?)<\/script>/.exec(readFileSync(new URL('../index.html', import.meta.url), 'utf8'))![1]!;

const session = { organization: { timeZone: 'America/New_York' } };
const answer = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** What the server answers for this week, as GET /api/schedule/this-week would (its own dates in it). */
const thisWeek = { from: '2026-11-30', to: '2026-12-07', timeZone: 'America/New_York', entries: ['early'] };

function runIndexScript(pathname: string, o: { search?: string } = {}) {
  const requested: [string, RequestInit][] = [];
  const context: Record<string, unknown> = {
    location: { pathname, search: o.search ?? '' },
    fetch: (url: string, init: RequestInit) => {
      requested.push([url, init]);
      return Promise.resolve(answer(200, url === '/api/me' ? session : thisWeek));
    },
  };
  context.window = context;
  runInNewContext(script, context);
  return { requested, early: context.__earlyRequests as EarlyRequests | undefined };
}

describe('index.html', () => {
  it('asks for the session as the app would, except on the sign-in page', () => {
    const { requested, early } = runIndexScript('/clients');
    expect(requested).toEqual([
      ['/api/me', { credentials: 'same-origin', headers: { accept: 'application/json, application/problem+json' } }],
    ]);
    expect(early?.me).toBeInstanceOf(Promise);
    expect(runIndexScript('/login').requested).toEqual([]);
  });

  it('on the schedule’s plain address, asks for this week’s session dates at once, beside the session', async () => {
    // The server counts the week in the organization's zone (GET /api/schedule/this-week); the
    // answer names its own dates, which preload.ts compares with the week the page asks for.
    const { requested, early } = runIndexScript('/');
    expect(requested.map(([url]) => url)).toEqual(['/api/me', '/api/schedule/this-week']);
    const asked = await early!.schedule!;
    expect({ from: asked!.from, to: asked!.to }).toEqual({ from: thisWeek.from, to: thisWeek.to });
    expect(await (await asked!.response).json()).toEqual(thisWeek);
    // A client's profile: its document at once.
    const id = '4a22c52b-51b7-55c0-9498-02e393376869';
    const profile = runIndexScript(`/clients/${id}`);
    expect(profile.requested.map(([url]) => url)).toEqual(['/api/me', `/api/clients/${id}/profile`]);
    expect(profile.early?.clientProfile?.clientId).toBe(id);
    // Not on another screen, nor with a week, view or filter in the address (the app asks for those).
    expect(runIndexScript('/clients').early?.schedule).toBeUndefined();
    expect(runIndexScript('/', { search: '?date=2026-12-01' }).early?.schedule).toBeUndefined();
  });
});

describe('preloadLanding', () => {
  let fetched: string[];
  beforeEach(() => {
    fetched = [];
    vi.stubGlobal('window', {});
    vi.stubGlobal('fetch', (url: string) => {
      fetched.push(url);
      return Promise.resolve(answer(200, url === '/api/me' ? session : { entries: [] }));
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  async function preload(path: string, early?: EarlyRequests) {
    window.__earlyRequests = early;
    const queryClient = new QueryClient();
    const loadSchedulePage = vi.fn(() => Promise.resolve());
    const url = new URL(path, 'http://localhost');
    preloadLanding({ queryClient, location: url as unknown as Location, loadSchedulePage });
    await vi.waitFor(() => expect(queryClient.isFetching()).toBe(0));
    return { queryClient, loadSchedulePage };
  }

  it('takes the session index.html asked for, then loads the schedule’s code and this week’s session dates', async () => {
    const { queryClient, loadSchedulePage } = await preload('/', { me: Promise.resolve(answer(200, session)) });
    const week = schedulePeriod('timeGridWeek', todayIn('America/New_York'))!;
    expect(queryClient.getQueryData(currentSessionKey)).toEqual(session);
    expect(loadSchedulePage).toHaveBeenCalledOnce();
    expect(fetched).toEqual([`/api/schedule?from=${week.from}&to=${week.to}`]);
    // Under the key the page asks for, with the address's filters.
    expect(queryClient.getQueryData(queryKeys.schedule({ ...week }))).toEqual({ entries: [] });
  });

  it('takes this week’s session dates index.html asked for, and asks again when they are for another week', async () => {
    const week = schedulePeriod('timeGridWeek', todayIn('America/New_York'))!;
    const early = (from: string, to: string) => ({
      me: Promise.resolve(answer(200, session)),
      schedule: Promise.resolve({ from, to, response: Promise.resolve(answer(200, { entries: ['early'] })) }),
    });
    const taken = await preload('/', early(week.from, week.to));
    expect(fetched).toEqual([]);
    expect(taken.queryClient.getQueryData(queryKeys.schedule({ ...week }))).toEqual({ entries: ['early'] });
    const other = await preload('/', early('2020-01-06', '2020-01-13'));
    expect(fetched).toEqual([`/api/schedule?from=${week.from}&to=${week.to}`]);
    expect(other.queryClient.getQueryData(queryKeys.schedule({ ...week }))).toEqual({ entries: [] });
  });

  it('takes the client profile index.html asked for, under the key the profile page reads', async () => {
    const id = '4a22c52b-51b7-55c0-9498-02e393376869';
    const document = { client: { id }, family: { id: 'f-1' } };
    const clientProfile = { clientId: id, response: Promise.resolve(answer(200, document)) };
    const { queryClient } = await preload(`/clients/${id}`, { me: Promise.resolve(answer(200, session)), clientProfile });
    expect(queryClient.getQueryData(queryKeys.clientProfile(id))).toEqual(document);
    // Then the family's balance, which the page would ask for only after the profile.
    expect(fetched).toEqual(['/api/families/f-1/balance']);
  });

  it('asks for the period and filters of the address', async () => {
    const { queryClient } = await preload('/?view=timeGridDay&date=2026-11-25&locationId=l-1');
    expect(fetched).toEqual(['/api/me', '/api/schedule?from=2026-11-25&to=2026-11-26&locationId=l-1']);
    const filters = { locationId: 'l-1', instructorId: undefined, serviceId: undefined };
    expect(queryClient.getQueryData(queryKeys.schedule({ from: '2026-11-25', to: '2026-11-26', ...filters }))).toEqual({ entries: [] });
  });

  it('asks only for the session on other screens, and for nothing on the sign-in page', async () => {
    const clients = await preload('/clients', { me: Promise.resolve(answer(200, session)) });
    expect(clients.loadSchedulePage).not.toHaveBeenCalled();
    expect(fetched).toEqual([]);
    const login = await preload('/login');
    expect(login.loadSchedulePage).not.toHaveBeenCalled();
    expect(login.queryClient.getQueryData(currentSessionKey)).toBeUndefined();
    expect(fetched).toEqual([]);
  });

  it('stops at the session when nobody is signed in', async () => {
    const signedOut = answer(401, { code: 'UNAUTHENTICATED', detail: 'Sign in.' });
    const { queryClient } = await preload('/', { me: Promise.resolve(signedOut) });
    expect(queryClient.getQueryState(currentSessionKey)?.status).toBe('error');
    expect(fetched).toEqual([]);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { ApiClient, Problem } from '../src/api/client';

function json(status: number, body: unknown): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

describe('ApiClient', () => {
  it('keeps the access token in memory and asks for the refresh token as a cookie', async () => {
    const fetcher = vi.fn(async () => json(200, { access_token: 'a1', token_type: 'Bearer', expires_in: 900 }));
    const client = new ApiClient('/api/v1', fetcher as unknown as typeof fetch);

    await client.login('admin', 'secret');

    const [url, init] = fetcher.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/auth/login?session=cookie');
    expect(init.credentials).toBe('same-origin');
    expect(client.signedIn).toBe(true);
  });

  it('refreshes once on a 401 and retries with the new token', async () => {
    const seen: string[] = [];
    const fetcher = vi.fn(async (url: string, init: RequestInit) => {
      const auth = (init.headers as Record<string, string>).Authorization ?? '';
      seen.push(`${init.method} ${url} ${auth}`);
      if (url.endsWith('/auth/login?session=cookie')) return json(200, { access_token: 'old' });
      if (url.endsWith('/auth/refresh')) return json(200, { access_token: 'new' });
      return auth === 'Bearer new' ? json(200, { ok: true }) : json(401, { title: 'Unauthorized', status: 401 });
    });
    const client = new ApiClient('/api/v1', fetcher as unknown as typeof fetch);
    await client.login('admin', 'secret');

    const [first, second] = await Promise.all([client.get('/bots'), client.get('/status')]);

    expect(first).toEqual({ ok: true });
    expect(second).toEqual({ ok: true });
    expect(seen.filter((s) => s.includes('/auth/refresh'))).toHaveLength(1);
  });

  it('turns a problem document into an error with its detail and field errors', async () => {
    const fetcher = vi.fn(async () =>
      json(422, { title: 'Invalid', status: 422, detail: 'The command is invalid.', errors: [{ field: 'pair', message: 'is required' }] }),
    );
    const client = new ApiClient('/api/v1', fetcher as unknown as typeof fetch);

    const failure = await client.post('/bots/b/commands', { type: 'forceenter' }).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(Problem);
    expect((failure as Problem).status).toBe(422);
    expect((failure as Problem).describe()).toBe('The command is invalid. — pair: is required');
  });

  it('signs out when the refresh cookie no longer works', async () => {
    const fetcher = vi.fn(async () => json(401, { title: 'Unauthorized', status: 401, detail: 'Sign in again.' }));
    const client = new ApiClient('/api/v1', fetcher as unknown as typeof fetch);
    const signedOut = vi.fn();
    client.onSignedOut = signedOut;

    await expect(client.get('/bots')).rejects.toThrow('Sign in again.');
    expect(signedOut).toHaveBeenCalledOnce();
  });
});

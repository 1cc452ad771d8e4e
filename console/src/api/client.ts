import type { components } from './schema';

export type Schemas = components['schemas'];
export type BotStatus = Schemas['BotStatusView'];
export type FleetStatus = Schemas['FleetStatus'];
export type Bot = Schemas['BotView'];
export type Command = Schemas['CommandView'];
export type CommandPage = Schemas['PageCommandView'];
export type Batch = Schemas['BatchView'];
export type Portfolio = Schemas['PortfolioView'];
export type Tokens = Schemas['TokenResponse'];
export type User = Schemas['UserView'];
export type Trades = Schemas['BotTrades'];
export type Logs = Schemas['BotLogs'];
export type ProblemBody = Schemas['Problem'];
export type UserPage = Schemas['PageUserView'];
export type AuditPage = Schemas['PageAuditView'];
export type StrategyPage = Schemas['PageStrategyView'];
export type StrategyVersion = Schemas['StrategyVersionView'];
export type BotPage = Schemas['PageBotView'];
export type RiskPolicy = Schemas['RiskPolicyView'];
export type RiskPolicyPage = Schemas['PageRiskPolicyView'];
export type RiskEvaluation = Schemas['RiskEvaluationView'];
export type Measure = Schemas['Measure'];
export type DeliveryPage = Schemas['PageDeliveryView'];

/**
 * An API answer that was not a success: the RFC 9457 problem the server sent, or one made up for
 * a failure that never reached it (the message is what the user sees).
 */
export class Problem extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail?: string;
  readonly errors: { field?: string; message?: string }[];

  constructor(status: number, body: Partial<ProblemBody>) {
    super(body.detail || body.title || `Request failed (${status})`);
    this.status = status;
    this.title = body.title || 'Request failed';
    this.detail = body.detail;
    this.errors = (body.errors as { field?: string; message?: string }[] | undefined) ?? [];
  }

  /** The problem as one line: its detail and each field error. */
  describe(): string {
    const fields = this.errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message));
    return [this.message, ...fields].filter(Boolean).join(' — ');
  }
}

/** What the user is shown for a failed call: the problem's detail and field errors. */
export function describeError(e: unknown): string {
  return e instanceof Problem ? e.describe() : String(e);
}

/** Every command status, in lifecycle order; the last ones are outcomes (CommandStatus). */
export const COMMAND_STATUSES = ['ACCEPTED', 'DISPATCHED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'EXPIRED', 'REJECTED', 'DEAD_LETTERED', 'UNKNOWN'];
export const FINAL_STATUSES = COMMAND_STATUSES.slice(3);

type Fetch = typeof fetch;

/**
 * The console's API client. The access token lives only in this object's memory; the refresh token
 * is an HttpOnly cookie the page cannot read (login with ?session=cookie), sent by the browser to
 * the refresh route only. A 401 on a call triggers one refresh and one retry; concurrent calls
 * share that refresh, so a rotated token is never presented twice (which would revoke the family).
 */
export class ApiClient {
  private accessToken: string | null = null;
  private refreshing: Promise<Tokens> | null = null;
  onSignedOut: () => void = () => {};

  constructor(
    private readonly base = '/api/v1',
    private readonly fetcher: Fetch = (...args) => fetch(...args),
  ) {}

  get signedIn(): boolean {
    return this.accessToken !== null;
  }

  /** The Authorization header value for calls this client does not make itself (the live stream). */
  authorization(): string | null {
    return this.accessToken ? `Bearer ${this.accessToken}` : null;
  }

  /** The raw fetch this client uses (the live stream reads the body as it arrives). */
  rawFetch(path: string, init: RequestInit): Promise<Response> {
    return this.fetcher(this.base + path, init);
  }

  async login(username: string, password: string): Promise<Tokens> {
    const tokens = await this.send<Tokens>('POST', '/auth/login?session=cookie', {
      username,
      password,
    }, false);
    this.accessToken = tokens.access_token ?? null;
    return tokens;
  }

  /** Gets a new access token from the refresh cookie (also restores a session after a reload). */
  refresh(): Promise<Tokens> {
    if (!this.refreshing) {
      this.refreshing = this.send<Tokens>('POST', '/auth/refresh', {}, false)
        .then((tokens) => {
          this.accessToken = tokens.access_token ?? null;
          return tokens;
        })
        .catch((e: unknown) => {
          this.accessToken = null;
          throw e;
        })
        .finally(() => {
          this.refreshing = null;
        });
    }
    return this.refreshing;
  }

  async logout(): Promise<void> {
    try {
      await this.send<void>('DELETE', '/auth/refresh', {}, false);
    } finally {
      this.accessToken = null;
    }
  }

  get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.send<T>('POST', path, body ?? {});
  }

  async send<T>(method: string, path: string, body?: unknown, authorize = true): Promise<T> {
    const answer = await this.perform(method, path, body, authorize);
    if (answer.status === 204) {
      return undefined as T;
    }
    return (await answer.json()) as T;
  }

  /** A JSON answer with its ETag (for a later If-Match), optionally sending one. */
  async tagged<T>(method: string, path: string, body?: unknown, ifMatch?: string): Promise<{ data: T; etag: string | null }> {
    const answer = await this.perform(method, path, body, true, ifMatch ? { 'If-Match': ifMatch } : {});
    const data = answer.status === 204 ? (undefined as T) : ((await answer.json()) as T);
    return { data, etag: answer.headers.get('ETag') };
  }

  /**
   * Read-modify-write of a versioned resource: reads it with its ETag, then PUTs what `change`
   * makes of it with If-Match, so a concurrent change is refused (412), never overwritten.
   */
  async replace<T>(path: string, change: (current: T) => unknown): Promise<T> {
    const current = await this.tagged<T>('GET', path);
    return (await this.tagged<T>('PUT', path, change(current.data), current.etag ?? undefined)).data;
  }

  /** A text answer, such as a strategy's Python source. */
  async text(path: string, accept = 'text/plain'): Promise<string> {
    const answer = await this.perform('GET', path, undefined, true, { Accept: `${accept}, application/problem+json` });
    return answer.text();
  }

  private async perform(
    method: string,
    path: string,
    body: unknown,
    authorize: boolean,
    extra: Record<string, string> = {},
  ): Promise<Response> {
    let answer = await this.call(method, path, body, authorize, extra);
    if (answer.status === 401 && authorize) {
      try {
        await this.refresh();
      } catch {
        this.onSignedOut();
        throw await problemOf(answer);
      }
      answer = await this.call(method, path, body, authorize, extra);
    }
    if (!answer.ok) {
      if (answer.status === 401 && authorize) {
        this.onSignedOut();
      }
      throw await problemOf(answer);
    }
    return answer;
  }

  private async call(method: string, path: string, body: unknown, authorize: boolean, extra: Record<string, string> = {}) {
    const headers: Record<string, string> = { Accept: 'application/json', ...extra };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (authorize && this.accessToken) {
      headers.Authorization = `Bearer ${this.accessToken}`;
    }
    try {
      return await this.fetcher(this.base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch {
      throw new Problem(0, {
        title: 'Server unreachable',
        detail: 'The management server did not answer. Check the connection and try again.',
      });
    }
  }
}

async function problemOf(answer: Response): Promise<Problem> {
  try {
    return new Problem(answer.status, (await answer.json()) as ProblemBody);
  } catch {
    return new Problem(answer.status, { title: answer.statusText });
  }
}

export const api = new ApiClient();

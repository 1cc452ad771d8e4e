import { reactive } from 'vue';
import { api } from './client';

/**
 * The console's live stream (GET /api/v1/events): Server-Sent Events read with fetch, because the
 * browser's EventSource cannot send the Authorization header. It reconnects with Last-Event-ID
 * (after a refresh on 401), so nothing is missed while the stream is down; a `reset` event (what was
 * missed is no longer kept) tells every view to read again. While the stream is down the views
 * keep polling, so the console is never stale for long.
 */
export interface LiveEvent {
  id?: string;
  type: string;
  data: Record<string, unknown>;
}

type Listener = (event: LiveEvent) => void;

export const live = reactive({ connected: false });
const listeners = new Set<Listener>();
let lastId: string | undefined;
let running = false;
let controller: AbortController | null = null;

export function onLive(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Parses SSE text: complete events out, the unfinished rest back. */
export function parse(buffer: string): { events: LiveEvent[]; rest: string } {
  const events: LiveEvent[] = [];
  const blocks = buffer.replace(/\r\n/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let id: string | undefined;
    let type = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') type = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length || type !== 'message') {
      let parsed: Record<string, unknown> = {};
      try {
        parsed = data.length ? (JSON.parse(data.join('\n')) as Record<string, unknown>) : {};
      } catch {
        continue;
      }
      events.push({ id, type, data: parsed });
    }
  }
  return { events, rest };
}

function dispatch(event: LiveEvent) {
  if (event.id) lastId = event.id;
  for (const listener of listeners) {
    try {
      listener(event);
    } catch {
      // one view's failure must not stop the others
    }
  }
}

async function connectOnce(): Promise<void> {
  const authorization = api.authorization();
  if (!authorization) {
    await api.refresh();
  }
  controller = new AbortController();
  const headers: Record<string, string> = {
    Accept: 'text/event-stream',
    Authorization: api.authorization() ?? '',
  };
  if (lastId) headers['Last-Event-ID'] = lastId;
  const answer = await api.rawFetch('/events', { headers, signal: controller.signal, credentials: 'same-origin' });
  if (answer.status === 401) {
    await api.refresh();
    return;
  }
  if (!answer.ok || !answer.body) {
    throw new Error(`live stream answered ${answer.status}`);
  }
  live.connected = true;
  const reader = answer.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    const parsed = parse(buffer + value);
    buffer = parsed.rest;
    parsed.events.forEach(dispatch);
  }
}

/** Keeps the stream open while signed in; reconnects with a growing pause after failures. */
export async function startLive(): Promise<void> {
  if (running) return;
  running = true;
  let pause = 500;
  while (running) {
    try {
      await connectOnce();
      pause = 500;
    } catch {
      pause = Math.min(pause * 2, 10_000);
    }
    live.connected = false;
    if (running) await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

export function stopLive(): void {
  running = false;
  controller?.abort();
  live.connected = false;
  lastId = undefined;
}

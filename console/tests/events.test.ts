import { describe, expect, it } from 'vitest';
import { parse } from '../src/api/events';

describe('the live stream parser', () => {
  it('reads complete events with their id, name and JSON data, and keeps an unfinished one', () => {
    const text =
      ': connected\n\n' +
      'id: ab12-7\nevent: status\ndata: {"botId":"b1","state":"running"}\n\n' +
      'id: ab12-8\nevent: command\ndata: {"id":"c1","status":"SUCCEEDED"}\n\n' +
      'id: ab12-9\nevent: sta';

    const { events, rest } = parse(text);

    expect(events).toEqual([
      { id: 'ab12-7', type: 'status', data: { botId: 'b1', state: 'running' } },
      { id: 'ab12-8', type: 'command', data: { id: 'c1', status: 'SUCCEEDED' } },
    ]);
    expect(rest).toBe('id: ab12-9\nevent: sta');
  });

  it('passes a reset with empty data and skips data that is not JSON', () => {
    const { events } = parse('id: x-1\nevent: reset\ndata: {}\n\nevent: status\ndata: {broken\n\n');

    expect(events).toEqual([{ id: 'x-1', type: 'reset', data: {} }]);
  });
});

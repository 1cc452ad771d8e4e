import { describe, expect, it } from 'vitest';
import { diffLines } from '../src/code/diff';
import { highlight } from '../src/code/python';

const STRATEGY = `from freqtrade.strategy import IStrategy  # base
import talib.abstract as ta


class Sample(IStrategy):
    """A sample: buy on RSI < 30."""
    minimal_roi = {"0": 0.04, "30": 1e-2}
    stoploss = -0.10

    @property
    def protections(self):
        return [f'{self.name}', r"\\d+", 'it\\'s']
`;

describe('highlight', () => {
  it('gives the source back unchanged when its tokens are joined', () => {
    for (const source of [STRATEGY, '', '"""never closed', "x = 'open\nnext", '#', '0x1F .5 1_000']) {
      expect(highlight(source).map((t) => t.text).join('')).toBe(source);
    }
  });

  it('marks comments, strings, numbers, keywords, builtins, decorators and defined names', () => {
    const kinds = (kind: string) => highlight(STRATEGY).filter((t) => t.kind === kind).map((t) => t.text);
    expect(kinds('comment')).toEqual(['# base']);
    expect(kinds('keyword')).toEqual(expect.arrayContaining(['from', 'import', 'as', 'class', 'def', 'return']));
    expect(kinds('name')).toEqual(['Sample', 'protections']);
    expect(kinds('decorator')).toEqual(['@property']);
    expect(kinds('builtin')).toContain('self');
    expect(kinds('number')).toEqual(['0.04', '1e-2', '0.10']);
    expect(kinds('string')).toEqual(['"""A sample: buy on RSI < 30."""', '"0"', '"30"', "f'{self.name}'", 'r"\\d+"', "'it\\'s'"]);
  });

  it('keeps markup in a source as text', () => {
    const tokens = highlight('# <img src=x onerror=alert(1)>\nx = "<script>"');
    expect(tokens.map((t) => t.kind)).toEqual(['comment', 'text', 'string']);
  });
});

describe('diffLines', () => {
  const rebuild = (lines: ReturnType<typeof diffLines>, side: 'before' | 'after') =>
    lines.filter((l) => l.op === 'same' || l.op === (side === 'before' ? 'removed' : 'added')).map((l) => l.text).join('\n');

  it('turns one version into the other with the fewest changed lines', () => {
    const before = 'a\nb\nc\nd\ne';
    const after = 'a\nc\nd\nx\ne\nf';
    const lines = diffLines(before, after);
    expect(rebuild(lines, 'before')).toBe(before);
    expect(rebuild(lines, 'after')).toBe(after);
    expect(lines.filter((l) => l.op !== 'same').map((l) => `${l.op === 'added' ? '+' : '-'}${l.text}`))
      .toEqual(['-b', '+x', '+f']);
    expect(lines.find((l) => l.text === 'x')).toMatchObject({ after: 4 });
    expect(lines.find((l) => l.text === 'b')).toMatchObject({ before: 2 });
  });

  it('handles equal, empty and disjoint versions', () => {
    expect(diffLines('same\nlines', 'same\nlines').every((l) => l.op === 'same')).toBe(true);
    expect(diffLines('', 'new').map((l) => l.op)).toEqual(['removed', 'added']);
    const disjoint = diffLines('a\nb', 'c\nd');
    expect(disjoint.filter((l) => l.op === 'removed')).toHaveLength(2);
    expect(disjoint.filter((l) => l.op === 'added')).toHaveLength(2);
  });

  it('agrees with both versions on random edits', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 200; round++) {
      const before = Array.from({ length: Math.floor(random() * 30) }, () => String.fromCharCode(97 + Math.floor(random() * 5)));
      const after = before.filter(() => random() > 0.2).flatMap((l) => (random() > 0.8 ? [l, 'z'] : [l]));
      const lines = diffLines(before.join('\n'), after.join('\n'));
      expect(rebuild(lines, 'before')).toBe(before.join('\n'));
      expect(rebuild(lines, 'after')).toBe(after.join('\n'));
    }
  });
});

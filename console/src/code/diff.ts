/**
 * A line diff between two versions of a source (Myers' O(ND) algorithm): the shortest list of
 * kept, removed and added lines that turns `before` into `after`. Keeping every 'same' and 'removed'
 * line gives `before` back, every 'same' and 'added' line gives `after`.
 */
export type Op = 'same' | 'removed' | 'added';
export interface Line { op: Op; text: string; before?: number; after?: number }

export function diffLines(before: string, after: string): Line[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) { x++; y++; }
      v[offset + k] = x;
      if (x >= n && y >= m) { found = d; break; }
    }
  }
  return backtrack(a, b, trace, offset, found);
}

function backtrack(a: string[], b: string[], trace: Int32Array[], offset: number, depth: number): Line[] {
  const lines: Line[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = depth; d > 0; d--) {
    const v = trace[d];
    const k = x - y;
    const down = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]);
    const previousK = down ? k + 1 : k - 1;
    const previousX = v[offset + previousK];
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      x--; y--;
      lines.push({ op: 'same', text: a[x], before: x + 1, after: y + 1 });
    }
    if (down) { y--; lines.push({ op: 'added', text: b[y], after: y + 1 }); }
    else { x--; lines.push({ op: 'removed', text: a[x], before: x + 1 }); }
  }
  while (x > 0 && y > 0) {
    x--; y--;
    lines.push({ op: 'same', text: a[x], before: x + 1, after: y + 1 });
  }
  return lines.reverse();
}

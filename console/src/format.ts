/** Formatting shared by the views: money in its own currency, times relative to now. */

export function money(value: number | null | undefined, currency?: string | null): string {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return '—';
  }
  const digits = Math.abs(value) >= 1000 ? 2 : Math.abs(value) >= 1 ? 4 : 6;
  const text = value.toLocaleString('en-US', { maximumFractionDigits: digits });
  return currency ? `${text} ${currency}` : text;
}

export function ago(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) {
    return 'never';
  }
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  if (Number.isNaN(seconds)) {
    return '—';
  }
  if (seconds < 5) {
    return 'just now';
  }
  if (seconds < 90) {
    return `${seconds} s ago`;
  }
  if (seconds < 90 * 60) {
    return `${Math.round(seconds / 60)} min ago`;
  }
  if (seconds < 36 * 3600) {
    return `${Math.round(seconds / 3600)} h ago`;
  }
  return `${Math.round(seconds / 86400)} d ago`;
}

export function time(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleString() : '—';
}

/** A profit's sign as a class name, so colour is never the only cue (the sign is in the text). */
export function sign(value: number | null | undefined): string {
  if (!value) {
    return '';
  }
  return value > 0 ? 'gain' : 'loss';
}

/** Runs the function once, `wait` ms after the last of a burst of calls. */
export function debounce(run: () => void, wait: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(run, wait);
  };
}

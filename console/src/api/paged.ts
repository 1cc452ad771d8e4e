import { ref, type Ref } from 'vue';
import { api, describeError } from './client';

/**
 * A filtered, paged list read from the API: the filters that are set go into the query (as
 * `param` turns them), `search` starts again from the first page, `load` reads
 * the current one; a failed read keeps the last answer and says why.
 */
export function usePagedSearch<T>(
  path: string,
  filters: Record<string, string>,
  param: (key: string, value: string) => string = (_key, value) => value.trim(),
): { answer: Ref<T | null>; page: Ref<number>; error: Ref<string>; load: () => Promise<void>; search: () => void } {
  const answer = ref<T | null>(null) as Ref<T | null>;
  const page = ref(0);
  const error = ref('');

  async function load() {
    const query = new URLSearchParams({ page: String(page.value), size: '50' });
    for (const [key, value] of Object.entries(filters)) {
      if (value.trim()) query.set(key, param(key, value));
    }
    try {
      answer.value = await api.get<T>(`${path}?${query}`);
      error.value = '';
    } catch (e) {
      error.value = describeError(e);
    }
  }

  function search() {
    page.value = 0;
    load();
  }

  return { answer, page, error, load, search };
}

import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import {
  createFilterWriter,
  type FilterLocation,
  readFilters,
  TEXT_DELAY_MS,
  useUrlFilters,
  writeFilters,
} from '../src/hooks/useUrlFilters';

const DEFAULTS = { q: '', pathway: null, retention_due: false };
const PATHWAYS = ['open', 'exited', 'none'];

describe('filters read from the URL', () => {
  it('gives each filter its default when the URL says nothing', () => {
    expect(readFilters(new URLSearchParams(''), DEFAULTS)).toEqual({ q: '', pathway: null, retention_due: false });
  });

  it('reads text, a choice and a checkbox (1 or true)', () => {
    expect(readFilters(new URLSearchParams('q=ma&pathway=open&retention_due=1'), DEFAULTS)).toEqual({
      q: 'ma', pathway: 'open', retention_due: true,
    });
    expect(readFilters(new URLSearchParams('retention_due=true'), DEFAULTS).retention_due).toBe(true);
    expect(readFilters(new URLSearchParams('retention_due=0'), DEFAULTS).retention_due).toBe(false);
  });

  it('reads a value that is not offered as the default (a stale or edited link)', () => {
    expect(readFilters(new URLSearchParams('pathway=lost'), DEFAULTS, { pathway: PATHWAYS }).pathway).toBeNull();
    expect(readFilters(new URLSearchParams('pathway=exited'), DEFAULTS, { pathway: PATHWAYS }).pathway).toBe('exited');
  });
});

describe('filters written to the URL', () => {
  it('leaves defaults out and keeps the parameters it was not given', () => {
    const params = new URLSearchParams('q=ma&pathway=open&other=x');
    expect(writeFilters(params, { pathway: null, retention_due: true }, DEFAULTS).toString()).toBe('q=ma&other=x&retention_due=1');
    expect(writeFilters(params, { q: '' }, DEFAULTS).toString()).toBe('pathway=open&other=x');
    expect(params.toString()).toBe('q=ma&pathway=open&other=x'); // a copy: the router's params stay as they are
  });

  it('writes a checkbox whose default is checked as 0 when unchecked', () => {
    expect(writeFilters(new URLSearchParams(), { all: false }, { all: true }).toString()).toBe('all=0');
    expect(writeFilters(new URLSearchParams('all=0'), { all: true }, { all: true }).toString()).toBe('');
  });

  it('reads back what it wrote', () => {
    const values = { q: 'Martin Dupont', pathway: 'none', retention_due: true };
    expect(readFilters(writeFilters(new URLSearchParams(), values, DEFAULTS), DEFAULTS)).toEqual(values);
  });
});

/** A fake router: the query string and each navigation, pushed or replaced. */
function fakeLocation(initial = '') {
  let params = new URLSearchParams(initial);
  const history: { search: string; replace: boolean }[] = [];
  const location: FilterLocation = {
    params: () => params,
    defaults: () => DEFAULTS,
    navigate: (next, replace) => {
      params = next;
      history.push({ search: next.toString(), replace });
    },
  };
  return { location, history, search: () => params.toString(), go: (search: string) => (params = new URLSearchParams(search)) };
}

describe('the writer behind the hook', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes typed text once typing pauses, trimmed, replacing the history entry', () => {
    const url = fakeLocation('pathway=open');
    const writer = createFilterWriter(url.location);
    for (const text of ['m', 'ma', 'ma ']) {
      writer.type('q', text);
      vi.advanceTimersByTime(TEXT_DELAY_MS - 1);
    }
    expect(url.history).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(url.history).toEqual([{ search: 'pathway=open&q=ma', replace: true }]);
  });

  it('pushes a select change, with the text still pending', () => {
    const url = fakeLocation();
    const writer = createFilterWriter(url.location);
    writer.type('q', 'ma');
    writer.set({ pathway: 'open' });
    expect(url.history).toEqual([{ search: 'q=ma&pathway=open', replace: false }]);
    vi.advanceTimersByTime(TEXT_DELAY_MS);
    expect(url.history).toHaveLength(1); // the text went with the select
  });

  it('adds no history entry when nothing changes', () => {
    const url = fakeLocation('pathway=open');
    const writer = createFilterWriter(url.location);
    writer.set({ pathway: 'open' });
    writer.type('q', '  ');
    vi.advanceTimersByTime(TEXT_DELAY_MS);
    expect(url.history).toEqual([]);
  });

  it('tells its own writes from Back and Forward, which drop the text typed meanwhile', () => {
    const url = fakeLocation();
    const writer = createFilterWriter(url.location);
    writer.set({ pathway: 'open' });
    expect(writer.sync(url.search())).toBe(false);
    writer.type('q', 'ma');
    url.go(''); // Back
    expect(writer.sync(url.search())).toBe(true);
    vi.advanceTimersByTime(TEXT_DELAY_MS);
    expect(url.search()).toBe('');
    url.go('pathway=open'); // Forward
    expect(writer.sync(url.search())).toBe(true);
  });
});

describe('useUrlFilters', () => {
  /** What a list page built on the hook shows for a URL (rendered once, as on a reload). */
  function shown(url: string): { filters: unknown; search: string } {
    let result = { filters: {} as unknown, search: '' };
    function Page() {
      const { filters, textInput } = useUrlFilters(DEFAULTS, { allowed: { pathway: PATHWAYS } });
      result = { filters, search: textInput('q').value };
      return null;
    }
    renderToString(createElement(MemoryRouter, { initialEntries: [url] }, createElement(Page)));
    return result;
  }

  it('restores the filters and the search box from the URL', () => {
    expect(shown('/participants?q=ma&pathway=open&retention_due=1')).toEqual({
      filters: { q: 'ma', pathway: 'open', retention_due: true },
      search: 'ma',
    });
  });

  it('shows the defaults on a bare URL', () => {
    expect(shown('/participants')).toEqual({ filters: { q: '', pathway: null, retention_due: false }, search: '' });
  });
});

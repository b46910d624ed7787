import { type ChangeEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list's filters kept in the URL query string, so that reloading, Back/Forward and a shared
 * link show the same filtered list. Each filter is named by its query parameter and typed by
 * its default: a string (text typed in a search box), null (a select, nothing chosen) or a
 * boolean (a checkbox, written 1/0). Values equal to their default are left out of the URL.
 */
export type FilterValue = string | boolean | null;
export type FilterDefaults = Record<string, FilterValue>;

export type FilterValues<D extends FilterDefaults> = {
  [K in keyof D]: D[K] extends boolean ? boolean : D[K] extends string ? string : string | null;
};

/** The filters typed in a text box (those whose default is a string). */
export type TextFilter<D extends FilterDefaults> = {
  [K in keyof D]: D[K] extends string ? K : never;
}[keyof D] &
  string;

/** The values a filter may take; anything else in the URL reads as the default. */
export type AllowedValues<D extends FilterDefaults> = { [K in keyof D]?: readonly string[] };

/** How long typing pauses before the URL (and the list) follows the search box. */
export const TEXT_DELAY_MS = 300;

/** The filters read from a query string, each with its default when absent or not allowed. */
export function readFilters<D extends FilterDefaults>(
  params: URLSearchParams,
  defaults: D,
  allowed: AllowedValues<D> = {},
): FilterValues<D> {
  const values: Record<string, FilterValue> = {};
  for (const [name, fallback] of Object.entries(defaults)) {
    const raw = params.get(name);
    const choices = allowed[name];
    if (raw === null || (choices && !choices.includes(raw))) values[name] = fallback;
    else if (typeof fallback === 'boolean') values[name] = raw === '1' || raw === 'true';
    else values[name] = raw;
  }
  return values as FilterValues<D>;
}

/** A copy of `params` with `changes` written in: defaults left out, other parameters kept. */
export function writeFilters(
  params: URLSearchParams,
  changes: Record<string, FilterValue | undefined>,
  defaults: FilterDefaults,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (value === defaults[name] || value === null) next.delete(name);
    else next.set(name, typeof value === 'boolean' ? (value ? '1' : '0') : value);
  }
  return next;
}

/** Where a writer reads and writes the query string (the router, or a test's fake). */
export interface FilterLocation {
  params: () => URLSearchParams;
  defaults: () => FilterDefaults;
  navigate: (next: URLSearchParams, replace: boolean) => void;
}

export interface FilterWriter {
  /** Text typed in a search box: written (trimmed) once typing pauses, replacing the history entry. */
  type: (name: string, text: string) => void;
  /** Filters changed at once (a select, a checkbox), with any text still pending: one history entry. */
  set: (changes: Record<string, FilterValue | undefined>) => void;
  /** The URL now reads `search`; true when it was not this writer (Back, Forward, a link), whose
   * pending text is then dropped: the URL wins over what was typed meanwhile. */
  sync: (search: string) => boolean;
  cancel: () => void;
}

/** The writing half of `useUrlFilters`, free of React so that it can be tested on its own. */
export function createFilterWriter(location: FilterLocation, delay = TEXT_DELAY_MS): FilterWriter {
  let pending: Record<string, string> = {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  let written = location.params().toString();
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  const write = (changes: Record<string, FilterValue | undefined>, replace: boolean) => {
    cancel();
    const all = { ...pending, ...changes };
    pending = {};
    const current = location.params();
    const next = writeFilters(current, all, location.defaults());
    if (next.toString() === current.toString()) return; // no history entry for no change
    written = next.toString();
    location.navigate(next, replace);
  };
  return {
    type: (name, text) => {
      pending = { ...pending, [name]: text.trim() };
      cancel();
      timer = setTimeout(() => write({}, true), delay);
    },
    set: (changes) => write(changes, false),
    sync: (search) => {
      if (search === written) return false;
      written = search;
      cancel();
      pending = {};
      return true;
    },
    cancel,
  };
}

export interface UrlFilters<D extends FilterDefaults> {
  /** The filters as in the URL: what the list asks the API for. */
  filters: FilterValues<D>;
  /** Change filters (a select, a checkbox): one history entry, Back undoes it. */
  setFilters: (changes: Partial<FilterValues<D>>) => void;
  /** The props of a search box: shows the text as typed, written to the URL (trimmed) once
   * typing pauses, replacing the current history entry rather than adding one per keystroke. */
  textInput: (name: TextFilter<D>) => { value: string; onChange: (event: ChangeEvent<HTMLInputElement>) => void };
}

/**
 * A list's filters in the URL (see `FilterDefaults`), read with their defaults and written back:
 * `setFilters` pushes a history entry, `textInput` replaces it once typing pauses.
 */
export function useUrlFilters<D extends FilterDefaults>(
  defaults: D,
  { allowed, delay = TEXT_DELAY_MS }: { allowed?: AllowedValues<D>; delay?: number } = {},
): UrlFilters<D> {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params, defaults, allowed);
  // The writer's timer acts on the latest params, not on those of the render that started it.
  const latest = useRef({ params, setParams, defaults });
  useEffect(() => {
    latest.current = { params, setParams, defaults };
  });
  const [writer] = useState(() =>
    createFilterWriter(
      {
        params: () => latest.current.params,
        defaults: () => latest.current.defaults,
        navigate: (next, replace) => {
          latest.current = { ...latest.current, params: next }; // until the next render
          latest.current.setParams(next, { replace });
        },
      },
      delay,
    ),
  );
  useEffect(() => writer.cancel, [writer]);

  // Text as typed (untrimmed), shown while the URL holds what the writer wrote.
  const [drafts, setDrafts] = useState<Partial<Record<string, string>>>({});
  const search = params.toString();
  useEffect(() => {
    if (writer.sync(search)) setDrafts({});
  }, [writer, search]);

  const setFilters = useCallback((changes: Partial<FilterValues<D>>) => writer.set(changes), [writer]);
  const textInput = (name: TextFilter<D>) => ({
    value: drafts[name] ?? (filters[name] as string),
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const text = event.currentTarget.value;
      setDrafts((current) => ({ ...current, [name]: text }));
      writer.type(name, text);
    },
  });
  return { filters, setFilters, textInput };
}

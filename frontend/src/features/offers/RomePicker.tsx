import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { referenceListRome } from '../../client/sdk.gen';

/** A ROME 4.0 job sheet, searched by words (or a job title) or by code. */
export function RomePicker({
  label, value, valueLabel, onChange, error, required, w,
}: {
  label: string;
  value: string | null;
  valueLabel?: string;
  onChange: (code: string | null, label: string) => void;
  error?: ReactNode;
  required?: boolean;
  w?: object | string | number;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const { data = [] } = useQuery({
    queryKey: ['rome', debounced],
    queryFn: () => call(referenceListRome({ query: { q: debounced, limit: 20 } })),
    enabled: debounced.length > 0,
  });
  const options = data.map((item) => ({
    value: item.code,
    label: `${item.code} — ${item.label}${item.appellation ? ` (${item.appellation})` : ''}`,
  }));
  if (value && !options.some((o) => o.value === value))
    options.unshift({ value, label: valueLabel ? `${value} — ${valueLabel}` : value });
  return (
    <Select
      label={label}
      placeholder={t('offers.romeSearch')}
      searchable
      clearable
      required={required}
      value={value}
      data={options}
      filter={({ options: all }) => all}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(code) => {
        const found = data.find((item) => item.code === code);
        onChange(code, found?.label ?? '');
      }}
      nothingFoundMessage={debounced ? t('offers.romeNone') : undefined}
      error={error}
      w={w as never}
    />
  );
}

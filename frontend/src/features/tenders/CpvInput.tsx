import { Autocomplete } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { referenceListCpv } from '../../client/sdk.gen';

/** A CPV code typed freely, with divisions and groups suggested by code or label. */
export function CpvInput({
  label,
  value,
  onChange,
  error,
  required,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: ReactNode;
  required?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [q] = useDebouncedValue(value.trim(), 200);
  const { data = [] } = useQuery({
    queryKey: ['cpv', q, i18n.language],
    queryFn: () => call(referenceListCpv({ query: { q: q || undefined, limit: 12 } })),
    enabled: q.length > 0 && !/^\d{8}-\d$/.test(q),
  });
  return (
    <Autocomplete
      label={label}
      description={t('tenders.cpvHelp')}
      required={required}
      value={value}
      onChange={(next) => onChange(next.split(' ')[0] ?? next)}
      error={error}
      data={data.map((entry) => ({ value: `${entry.code} ${entry.label}`, label: `${entry.code} — ${entry.label}` }))}
      filter={({ options }) => options}
      autoComplete="off"
    />
  );
}

import { Autocomplete } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { referenceListCpv } from '../../client/sdk.gen';
import { COMPLETE_CPV, cpvLabel, cpvProblem } from './cpv';

const CHOSEN_SUGGESTION = /^\d{8}-\d \S/;
import { useCpvCode } from './useCpvCode';

/** A CPV code typed freely, with codes suggested by leading digits or words of their label
 * (best match first); a complete code is checked as it is typed (unknown code, wrong check
 * digit) and shown with its own label. */
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
  const complete = COMPLETE_CPV.test(q);
  const { data = [] } = useQuery({
    queryKey: ['cpv', q, i18n.language],
    queryFn: () => call(referenceListCpv({ query: { q: q || undefined, limit: 12 } })),
    enabled: q.length > 0 && !complete,
  });
  const resolved = useCpvCode(complete ? q : '');
  const description = resolved.data ? `${resolved.data.code} — ${cpvLabel(resolved.data)}` : t('tenders.cpvHelp');
  return (
    <Autocomplete
      label={label}
      description={description}
      required={required}
      value={value}
      // A suggestion chosen reads "45442100-8 Travaux de peinture": its code is kept. Typed
      // words stay as typed, spaces included ("travaux r" searches two words).
      onChange={(next) => onChange(CHOSEN_SUGGESTION.test(next) ? next.split(' ')[0] : next)}
      error={error ?? cpvProblem(resolved.error)}
      data={data.map((entry) => ({ value: `${entry.code} ${entry.label}`, label: `${entry.code} — ${entry.label}` }))}
      filter={({ options }) => options}
      autoComplete="off"
    />
  );
}

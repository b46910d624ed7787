import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { organisationsListOrganisations } from '../../client/sdk.gen';
import type { OrganisationKind } from '../../client/types.gen';

export interface OrganisationChoice {
  id: string;
  name: string;
}

/** An organisation picked by searching /organisations?q= (active ones, of the allowed kinds). */
export function OrganisationSelect({
  label,
  value,
  kinds,
  error,
  readOnly,
  onChange,
  required = true,
  description,
}: {
  label: string;
  required?: boolean;
  description?: ReactNode;
  value: OrganisationChoice | null;
  kinds: readonly OrganisationKind[];
  error?: ReactNode;
  readOnly?: boolean;
  onChange: (value: OrganisationChoice | null) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value?.name ?? '');
  const [q] = useDebouncedValue(search.trim(), 250);
  // While the box shows the chosen name, list everything rather than only that name.
  const query = value && q === value.name ? '' : q;
  const { data, isFetching } = useQuery({
    queryKey: ['organisations', 'pick', query, kinds.length === 1 ? kinds[0] : null],
    queryFn: () =>
      call(
        organisationsListOrganisations({
          query: { q: query || undefined, kind: kinds.length === 1 ? kinds[0] : undefined, active: true, limit: 20 },
        }),
      ),
    enabled: !readOnly,
  });
  const options = (data?.items ?? [])
    .filter((organisation) => kinds.includes(organisation.kind))
    .map((organisation) => ({
      value: organisation.id,
      label: organisation.name,
    }));
  if (value && !options.some((option) => option.value === value.id)) {
    options.unshift({ value: value.id, label: value.name });
  }
  return (
    <Select
      label={label}
      description={description}
      required={required && !readOnly}
      clearable={!required && !readOnly}
      searchable
      readOnly={readOnly}
      variant={readOnly ? 'filled' : 'default'}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      placeholder={readOnly ? t('fmt.none') : t('users.organisationSearch')}
      rightSection={readOnly ? null : undefined}
      nothingFoundMessage={isFetching ? t('app.loading') : t('app.none')}
      value={value?.id ?? null}
      error={error}
      data={options}
      onChange={(id, option) => onChange(id && option ? { id, name: option.label } : null)}
    />
  );
}

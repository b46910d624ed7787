import { Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { organisationsListOrganisations } from '../../client/sdk.gen';
import type { OrganisationKind, OrganisationRead } from '../../client/types.gen';
import { organisationDetail } from './organisationLabel';

export interface OrganisationChoice {
  id: string;
  name: string;
  /** Its SIRET and commune, which tell apart two organisations of the same name. */
  detail?: string | null;
}

/** An organisation picked by searching /organisations?q= (active ones, of the allowed kinds);
 * each option shows its SIRET and commune under its name, and so does the chosen one. */
export function OrganisationSelect({
  label,
  value,
  kinds,
  error,
  readOnly,
  onChange,
  required = true,
  description,
  accept,
  find,
  findKey,
}: {
  label: string;
  required?: boolean;
  description?: ReactNode;
  value: OrganisationChoice | null;
  kinds: readonly OrganisationKind[];
  error?: ReactNode;
  readOnly?: boolean;
  onChange: (value: OrganisationChoice | null) => void;
  /** Which of the organisations found are offered (e.g. only AIs and GEIQs); all by default. */
  accept?: (organisation: OrganisationRead) => boolean;
  /** Where to search instead of the directory (a page of organisations for the typed text),
   * named by `findKey` for the cache: e.g. the employers a hire may name. */
  find?: (q: string) => Promise<{ items: OrganisationRead[] }>;
  findKey?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value?.name ?? '');
  const [q] = useDebouncedValue(search.trim(), 250);
  // While the box shows the chosen name, list everything rather than only that name.
  const query = value && q === value.name ? '' : q;
  const { data, isFetching } = useQuery({
    queryKey: ['organisations', 'pick', findKey ?? 'directory', query, kinds.length === 1 ? kinds[0] : null],
    queryFn: () =>
      find
        ? find(query)
        : call(
            organisationsListOrganisations({
              query: { q: query || undefined, kind: kinds.length === 1 ? kinds[0] : undefined, active: true, limit: 20 },
            }),
          ),
    enabled: !readOnly,
  });
  const found = (data?.items ?? []).filter((organisation) => kinds.includes(organisation.kind) && (accept?.(organisation) ?? true));
  const details = new Map<string, string | null>(found.map((organisation) => [organisation.id, organisationDetail(organisation)]));
  const options = found.map((organisation) => ({ value: organisation.id, label: organisation.name }));
  // The chosen organisation stays among the data (the box shows its name), but it is listed
  // only when the search finds it: otherwise it would come first in the results of another
  // search, and picking it there would keep the old choice instead of the one searched.
  const chosenFound = !value || query === '' || options.some((option) => option.value === value.id);
  if (value && !options.some((option) => option.value === value.id)) {
    options.push({ value: value.id, label: value.name });
  }
  const chosenDetail = value ? (details.get(value.id) ?? value.detail ?? null) : null;
  return (
    <Select
      label={label}
      description={description ?? (chosenDetail ? <span data-testid="organisation-detail">{chosenDetail}</span> : undefined)}
      required={required && !readOnly}
      clearable={!required && !readOnly}
      searchable
      // Picking the chosen option again keeps it (a required choice is changed, not emptied).
      allowDeselect={false}
      readOnly={readOnly}
      variant={readOnly ? 'filled' : 'default'}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => (chosenFound ? all : all.filter((option) => !('value' in option) || option.value !== value?.id))}
      placeholder={readOnly ? t('fmt.none') : t('users.organisationSearch')}
      rightSection={readOnly ? null : undefined}
      nothingFoundMessage={isFetching ? t('app.loading') : t('app.none')}
      value={value?.id ?? null}
      error={error}
      data={options}
      renderOption={({ option }) => {
        const detail = details.get(option.value);
        return (
          <Stack gap={0}>
            <span>{option.label}</span>
            {detail && (
              <Text size="xs" c="dimmed">
                {detail}
              </Text>
            )}
          </Stack>
        );
      }}
      onChange={(id, option) => onChange(id && option ? { id, name: option.label, detail: details.get(id) ?? null } : null)}
    />
  );
}

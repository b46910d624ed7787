import { Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { participantsListParticipants } from '../../client/sdk.gen';
import type { ParticipantSummary } from '../../client/types.gen';
import { day } from '../tenders/format';
import { personName } from './referrals';

export interface PersonChoice {
  id: string;
  name: string;
}

/** A person of the caller's portfolio (a facilitator: referred to the structure) with a
 * pathway under way, found by name: each option says the birth date and the eligibility.
 * People in `unavailable` (already proposed for the offer) show greyed with the reason. */
export function PersonPicker({
  label,
  value,
  onChange,
  error,
  description,
  unavailable,
}: {
  label: string;
  value: PersonChoice | null;
  onChange: (value: PersonChoice | null) => void;
  error?: ReactNode;
  description?: ReactNode;
  /** Why a person cannot be chosen, by id. */
  unavailable?: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value?.name ?? '');
  const [q] = useDebouncedValue(search.trim(), 250);
  // While the box shows the chosen name, list everyone rather than only that name.
  const query = value && q === value.name ? '' : q;
  const { data, isFetching } = useQuery({
    queryKey: ['participants', 'pick', query],
    queryFn: () => call(participantsListParticipants({ query: { q: query || undefined, pathway: 'open', limit: 20 } })),
  });
  const found = data?.items ?? [];
  const byId = new Map<string, ParticipantSummary>(found.map((person) => [person.id, person]));
  const options = found.map((person) => ({ value: person.id, label: personName(person), disabled: unavailable?.has(person.id) ?? false }));
  if (value && !byId.has(value.id)) options.push({ value: value.id, label: value.name, disabled: false });
  const detail = (person: ParticipantSummary | undefined) => {
    if (!person) return null;
    const born = person.birth_date ? t('participants.bornOn', { date: day(person.birth_date) }) : null;
    const eligibility = person.eligible_until
      ? t('referrals.eligibleUntil', { date: day(person.eligible_until) })
      : t('referrals.notEligible');
    return [born, person.commune_name, eligibility].filter(Boolean).join(' · ');
  };
  return (
    <Select
      label={label}
      description={description}
      required
      searchable
      allowDeselect={false}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      placeholder={t('referrals.personSearch')}
      nothingFoundMessage={isFetching ? t('app.loading') : t('app.none')}
      value={value?.id ?? null}
      error={error}
      data={options}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <span>{option.label}</span>
          <Text size="xs" c="dimmed">{unavailable?.get(option.value) ?? detail(byId.get(option.value))}</Text>
        </Stack>
      )}
      onChange={(id, option) => onChange(id && option ? { id, name: option.label } : null)}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

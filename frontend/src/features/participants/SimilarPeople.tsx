import { Alert, Anchor, List } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { call } from '../../api/client';
import { participantsListParticipants } from '../../client/sdk.gen';
import { dayMonthYear } from '../../lib/dates';
import { foldName, similarPeople } from './similar';

/** The longest search text GET /participants takes (its `q`). */
const SEARCH_MAX_LENGTH = 100;

export function SimilarPeople({ lastName, firstNames }: { lastName: string; firstNames: string }) {
  const { t } = useTranslation();
  const [names] = useDebouncedValue({ lastName: lastName.trim(), firstNames: firstNames.trim() }, 400);
  // A name longer than any the search takes is the form's to refuse, not a search to send.
  const ready =
    foldName(names.lastName).length >= 2 && foldName(names.firstNames).length >= 1 && names.lastName.length <= SEARCH_MAX_LENGTH;
  const found = useQuery({
    queryKey: ['participants', 'similar', names.lastName],
    queryFn: () => call(participantsListParticipants({ query: { q: names.lastName, limit: 50 } })),
    enabled: ready,
    staleTime: 30_000,
  });
  const close = ready && found.data ? similarPeople(found.data.items, names.lastName, names.firstNames) : [];
  if (close.length === 0) return null;
  return (
    <Alert variant="light" color="orange" title={t('participants.similarTitle')} data-testid="similar-people">
      {t('participants.similarHelp')}
      <List size="sm" mt="xs">
        {close.map((person) => (
          <List.Item key={person.id}>
            <Anchor component={Link} to={`/participants/${person.id}`}>
              {person.last_name.toUpperCase()} {person.first_names}
            </Anchor>
            {person.birth_date ? `, ${t('participants.bornOn', { date: dayMonthYear(person.birth_date) })}` : ''}
            {` (${person.referent.full_name})`}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { call } from '../../api/client';
import { participantsEligibilityQueue } from '../../client/sdk.gen';
import { ListFrame } from '../../components/ListFrame';
import { PageHeader } from '../../components/PageHeader';
import { useCursorList } from '../../hooks/useCursorList';

export function EligibilityQueuePage() {
  const { t } = useTranslation();
  const list = useCursorList(['participants', 'queue'], (cursor) => call(participantsEligibilityQueue({ query: { cursor, limit: 50 } })));
  return (
    <Stack gap="md">
      <PageHeader title={t('participants.queueTitle')} description={t('participants.queueIntro')} />
      <ListFrame
        caption={t('participants.queueTitle')}
        columns={[t('participants.name'), t('participants.commune'), t('participants.referent')]}
        list={list}
        minWidth={480}
        rows={list.items.map((p) => ({
          key: p.id,
          cells: [
            <Link to={`/participants/${p.id}`} className="row-link">
              {p.last_name.toUpperCase()} {p.first_names}
            </Link>,
            p.commune_name ?? '—',
            p.referent.full_name,
          ],
        }))}
      />
    </Stack>
  );
}

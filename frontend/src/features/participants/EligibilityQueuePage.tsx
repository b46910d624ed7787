import { Stack, Table } from '@mantine/core';
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
      >
        {list.items.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td><Link to={`/participants/${p.id}`} className="row-link">{p.last_name.toUpperCase()} {p.first_names}</Link></Table.Td>
            <Table.Td>{p.commune_name ?? '—'}</Table.Td>
            <Table.Td>{p.referent.full_name}</Table.Td>
          </Table.Tr>
        ))}
      </ListFrame>
    </Stack>
  );
}

import { Button, Card, Group, Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { participantsParticipantAccessLog } from '../../client/sdk.gen';
import type { ParticipantRead } from '../../client/types.gen';
import { DataTable } from '../../components/DataTable';
import { Loading, ProblemAlert } from '../../components/Feedback';
import { isInternalField } from '../../lib/audit';

/** Who wrote to this person's record or read its sensitive criteria, loaded when asked for
 * (offered when the participant's read allows `read_access_log`). */
export function AccessLogSection({ participant }: { participant: ParticipantRead }) {
  const { t, i18n } = useTranslation();
  const [shown, setShown] = useState(false);
  const log = useQuery({
    queryKey: ['participant', participant.id, 'access-log'],
    queryFn: () => call(participantsParticipantAccessLog({ path: { participant_id: participant.id } })),
    enabled: shown,
  });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="access-log-title">
      <Group justify="space-between">
        <Title order={2} size="h4" id="access-log-title">
          {t('participants.accessLog')}
        </Title>
        {!shown && (
          <Button variant="subtle" onClick={() => setShown(true)}>
            {t('participants.showAccessLog')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" mt={4}>
        {t('participants.accessLogIntro')}
      </Text>
      <ProblemAlert error={log.error} />
      {shown && log.isPending && <Loading />}
      {log.data && log.data.length === 0 && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('history.empty')}
        </Text>
      )}
      {log.data && log.data.length > 0 && (
        <Paper withBorder mt="sm">
          <DataTable
            caption={t('participants.accessLog')}
            testId="access-log"
            columns={[t('participants.accessAt'), t('participants.accessAction'), t('participants.accessRecord'), t('participants.accessBy'), t('participants.accessFields')]}
            minWidth={720}
            striped={false}
            rows={log.data.map((entry, index) => ({
              key: `${entry.at}-${index}`,
              cells: [
                new Date(entry.at).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' }),
                t(`history.actions.${entry.action}`, { defaultValue: entry.action }),
                t(`audit.types.${entry.record}`, { defaultValue: entry.record }),
                entry.actor?.full_name ?? t('history.system'),
                <Text size="xs">
                  {entry.fields
                    .filter((field) => !isInternalField(field))
                    .map((field) => t(`history.fields.${field}`, { defaultValue: field }))
                    .join(', ') || '—'}
                </Text>,
              ],
            }))}
          />
        </Paper>
      )}
    </Card>
  );
}

import { Button, Card, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { call } from '../api/client';
import { auditListAuditEvents } from '../client/sdk.gen';
import type { AuditEventRead } from '../client/types.gen';
import { useCursorList } from '../hooks/useCursorList';
import { activationKey, describeChange, formatMoment, formatValue, type Formatter, isBlankValue, isInternalField } from '../lib/audit';
import { Loading, ProblemAlert } from './Feedback';

function Event({ event, hiddenFields }: { event: AuditEventRead; hiddenFields: readonly string[] }) {
  const { t, i18n } = useTranslation();
  // A creation lists what was set, not every empty column.
  const changes = Object.entries(event.changes ?? {}).filter(
    ([field, value]) =>
      !isInternalField(field) && !hiddenFields.includes(field) && !(event.action === 'created' && isBlankValue(value)),
  );
  const formatter =
    (field: string): Formatter =>
    (value) =>
      formatValue(field, value, { t, language: i18n.language, names: event.names });
  return (
    <List.Item>
      <Text size="sm">
        <strong>{formatMoment(event.at, i18n.language)}</strong>
        {' · '}
        {t(`history.actions.${event.action}`, { defaultValue: event.action })}
        {' · '}
        {event.actor?.full_name ?? t('history.system')}
      </Text>
      {changes.length > 0 && (
        <List size="xs" withPadding>
          {changes.map(([field, value]) => {
            // "Compte désactivé" rather than "Actif Oui → Non".
            const activation = event.action === 'updated' ? activationKey(event.entity_type, field, value) : null;
            return (
              <List.Item key={field}>
                {activation ? (
                  <Text span size="xs" fw={600}>
                    {t(activation)}
                  </Text>
                ) : (
                  <>
                    <Text span size="xs" fw={600}>
                      {t(`history.fields.${field}`, { defaultValue: field })}
                    </Text>{' '}
                    {/* Updates record [old, new]; creations and deletions the value itself. */}
                    {event.action === 'updated' ? describeChange(value, formatter(field)) : formatter(field)(value)}
                  </>
                )}
              </List.Item>
            );
          })}
        </List>
      )}
    </List.Item>
  );
}

interface EventPage {
  items: AuditEventRead[];
  next_cursor?: string | null;
}

/**
 * The audit trail of one record: from the audit log (admins only, the caller checks
 * `audit:read`) or from a domain's own history endpoint (`fetchPage`).
 */
export function HistoryPanel({
  entityType,
  entityId,
  fetchPage,
  hiddenFields = [],
  revision,
}: {
  entityType: string;
  entityId: string;
  fetchPage?: (cursor: string | undefined) => Promise<EventPage>;
  /** Fields the page already makes obvious (e.g. the caller's own organisation). */
  hiddenFields?: readonly string[];
  /** The record's version: a new one refetches the trail (the page just changed it). */
  revision?: number;
}) {
  const { t } = useTranslation();
  const list = useCursorList(
    ['audit', entityType, entityId, revision],
    fetchPage ??
      ((cursor) =>
        call(auditListAuditEvents({ query: { entity_type: entityType, entity_id: entityId, cursor, limit: 20 } }))),
  );
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="history-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="history-title">
          {t('history.title')}
        </Title>
        <ProblemAlert error={list.error} />
        {list.isPending ? (
          <Loading />
        ) : list.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('history.empty')}
          </Text>
        ) : (
          <List spacing="xs">
            {list.items.map((event) => (
              <Event key={event.id} event={event} hiddenFields={hiddenFields} />
            ))}
          </List>
        )}
        {list.hasNextPage && (
          <Button variant="light" size="xs" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('app.loadMore')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

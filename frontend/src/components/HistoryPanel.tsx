import { Button, Card, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { call } from '../api/client';
import { auditListAuditEvents } from '../client/sdk.gen';
import type { AuditEventRead } from '../client/types.gen';
import { useCursorList } from '../hooks/useCursorList';
import { dayMonthYear } from '../lib/dates';
import { describeChange, type Formatter, isInternalField, plainValue } from '../lib/audit';
import { Loading, ProblemAlert } from './Feedback';

const ENUM_PREFIXES: Record<string, string> = {
  role: 'roles',
  kind: 'kinds',
  language: 'languages',
  enterprise_kind: 'enterpriseKinds',
  calculation_method: 'methods',
  outcome: 'lotOutcomes',
};

// Ratios stored as fractions (0.05) and read as percentages (5 %).
const RATIO_FIELDS = new Set(['insertion_rate', 'default_labour_share', 'training_cap_share', 'share', 'labour_share']);
// Amounts in euros, read as people write them (1 000 000,00 €).
const AMOUNT_FIELDS = new Set(['estimated_amount', 'current_amount', 'penalty_per_missing_hour', 'awarded_amount']);

const isBlank = (value: unknown) => value === null || value === undefined || value === '';

function Event({ event, hiddenFields }: { event: AuditEventRead; hiddenFields: readonly string[] }) {
  const { t, i18n } = useTranslation();
  // A creation lists what was set, not every empty column.
  const changes = Object.entries(event.changes ?? {}).filter(
    ([field, value]) =>
      !isInternalField(field) && !hiddenFields.includes(field) && !(event.action === 'created' && isBlank(value)),
  );
  // Enumerated values read with the labels people see in the forms.
  const formatter =
    (field: string): Formatter =>
    (value) => {
      if (typeof value === 'boolean') return value ? t('app.yes') : t('app.no');
      if (field === 'enabled_criteria' && Array.isArray(value))
        return value.map((code) => t(`criteria.${String(code)}`, { defaultValue: String(code) })).join(', ');
      if (RATIO_FIELDS.has(field) && !isBlank(value) && !Number.isNaN(Number(value)))
        return new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 2 }).format(Number(value));
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value))
        return new Date(value).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return dayMonthYear(value);
      if (AMOUNT_FIELDS.has(field) && !isBlank(value) && !Number.isNaN(Number(value)))
        return new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'EUR' }).format(Number(value));
      const prefix = ENUM_PREFIXES[field];
      if (prefix && typeof value === 'string') return t(`${prefix}.${value}`, { defaultValue: value });
      return plainValue(value);
    };
  return (
    <List.Item>
      <Text size="sm">
        <strong>{new Date(event.at).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' })}</strong>
        {' · '}
        {t(`history.actions.${event.action}`, { defaultValue: event.action })}
        {' · '}
        {event.actor?.full_name ?? t('history.system')}
      </Text>
      {changes.length > 0 && (
        <List size="xs" withPadding>
          {changes.map(([field, value]) => (
            <List.Item key={field}>
              <Text span size="xs" fw={600}>
                {t(`history.fields.${field}`, { defaultValue: field })}
              </Text>{' '}
              {/* Updates record [old, new]; creations and deletions the value itself. */}
              {event.action === 'updated' ? describeChange(value, formatter(field)) : formatter(field)(value)}
            </List.Item>
          ))}
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

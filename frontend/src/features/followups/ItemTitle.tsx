import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { FollowUpRead } from '../../client/types.gen';
import { monthLabel } from '../hours/hours';
import { number } from '../tenders/format';
import { lotLabel } from './followups';

/** What an item asks and what it is about: the lot, the person or the employer, the month. */
export function ItemTitle({ item, headingOrder }: { item: FollowUpRead; headingOrder?: 3 | 4 }) {
  const { t, i18n } = useTranslation();
  const lot = lotLabel(item);
  const facts = [
    lot && item.lot_title ? `${lot} — ${item.lot_title}` : lot,
    !lot && item.offer_title ? t('followUps.offer', { title: item.offer_title }) : null,
    item.person_name,
    item.month ? monthLabel(item.month.slice(0, 7), i18n.language) : null,
    item.enterprise_name && item.enterprise_name !== item.acts_next_name ? item.enterprise_name : null,
  ].filter(Boolean);
  const detail =
    item.kind === 'clause_behind' && item.counted_hours != null && item.expected_hours != null
      ? t('followUps.behindFigures', {
          counted: number(item.counted_hours),
          expected: number(item.expected_hours),
          required: number(item.required_hours ?? '0'),
        })
      : item.count && item.count > 1
        ? t(`followUps.count.${item.kind}`, { count: item.count, defaultValue: '' })
        : '';
  return (
    <Stack gap={2}>
      <Text component={headingOrder ? `h${headingOrder}` : 'p'} fw={600} m={0} size="sm" style={{ overflowWrap: 'anywhere' }}>
        {t(`followUps.kinds.${item.kind}`)}
        {item.referral_status === 'interview' && ` · ${t('followUps.afterInterview')}`}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{facts.join(' · ')}</Text>
      {detail && <Text size="xs" c="dimmed">{detail}</Text>}
    </Stack>
  );
}

import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { HoursStatus } from '../../client/types.gen';

const COLORS: Record<HoursStatus, string> = { declared: 'yellow', validated: 'green', rejected: 'red' };

/** A declaration's status: a word, with colour only as a second cue. */
export function HoursStatusBadge({ status }: { status: HoursStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" data-testid="hours-status" style={{ minWidth: 'max-content' }}>
      {t(`hoursStatus.${status}`)}
    </Badge>
  );
}

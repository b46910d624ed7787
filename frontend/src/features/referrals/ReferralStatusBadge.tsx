import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { ReferralStatus } from '../../client/types.gen';

const COLORS: Record<ReferralStatus, string> = {
  proposed: 'blue',
  interview: 'grape',
  hired: 'green',
  declined: 'gray',
  withdrawn: 'gray',
};

/** A referral's status: a word, with colour only as a second cue. */
export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" data-testid="referral-status" style={{ minWidth: 'max-content' }}>
      {t(`referralStatus.${status}`)}
    </Badge>
  );
}

import { ActionIcon, Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { todayIso } from '../../lib/dates';
import { monthLabel, monthOf, recentMonths, shiftMonth } from './hours';

/** A month among the last three years (the current one first), with previous / next buttons.
 * `clearable` pickers (a filter) may choose no month at all. */
export function MonthPicker({
  label,
  value,
  onChange,
  clearable = false,
  placeholder,
}: {
  label: string;
  value: string | null;
  onChange: (month: string | null) => void;
  clearable?: boolean;
  placeholder?: string;
}) {
  const { t, i18n } = useTranslation();
  const months = recentMonths(todayIso());
  const data = months.map((month) => ({ value: month, label: monthLabel(month, i18n.language) }));
  if (value && !months.includes(value)) data.push({ value, label: monthLabel(value, i18n.language) });
  const current = monthOf(todayIso());
  const oldest = months[months.length - 1];
  return (
    <Group gap={4} align="end" wrap="nowrap">
      <ActionIcon
        variant="default"
        size="lg"
        mb={1}
        disabled={!value || value <= oldest}
        onClick={() => value && onChange(shiftMonth(value, -1))}
        aria-label={t('hours.previousMonth')}
      >
        ‹
      </ActionIcon>
      <Select
        label={label}
        data={data}
        value={value}
        onChange={onChange}
        clearable={clearable}
        placeholder={placeholder}
        allowDeselect={clearable}
        w={{ base: '100%', sm: 200 }}
        comboboxProps={{ withinPortal: true }}
      />
      <ActionIcon
        variant="default"
        size="lg"
        mb={1}
        disabled={!value || value >= current}
        onClick={() => value && onChange(shiftMonth(value, 1))}
        aria-label={t('hours.nextMonth')}
      >
        ›
      </ActionIcon>
    </Group>
  );
}

import { DateInput } from '@mantine/dates';
import { type FocusEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { parseDate } from '../lib/dates';

/**
 * A date typed as dd/mm/yyyy or picked in a calendar (in the interface's language, weeks
 * starting on Monday), whatever the browser's language. Its value is the ISO date the API
 * takes ('' when empty), so it plugs into `form.getInputProps`. Text that is not a date is
 * said so on leaving the field, instead of vanishing silently.
 */
export function DateField({
  label,
  value,
  onChange,
  error,
  required,
  description,
  readOnly,
  onBlur,
  onFocus,
  defaultDate,
  w,
}: {
  label: string;
  value?: string | null;
  onChange: (value: string) => void;
  error?: ReactNode;
  required?: boolean;
  description?: ReactNode;
  readOnly?: boolean;
  onBlur?: () => void;
  onFocus?: () => void;
  /** The month the calendar opens on when the field is empty (e.g. years back for a birth). */
  defaultDate?: string;
  w?: number | string;
}) {
  const { t } = useTranslation();
  const [unreadable, setUnreadable] = useState<string | null>(null);
  const leave = (event: FocusEvent<HTMLInputElement>) => {
    const text = event.currentTarget.value.trim();
    setUnreadable(text && !parseDate(text) ? text : null);
    onBlur?.();
  };
  return (
    <DateInput
      label={label}
      description={description}
      required={required}
      readOnly={readOnly}
      value={value || null}
      onChange={(next) => {
        setUnreadable(null);
        onChange(next ?? '');
      }}
      onBlur={leave}
      onFocus={onFocus}
      // Unreadable text is what needs fixing first (the form only sees an empty date).
      error={unreadable ? t('validation.date', { text: unreadable }) : error}
      valueFormat="DD/MM/YYYY"
      dateParser={parseDate}
      placeholder={t('app.datePlaceholder')}
      allowDeselect
      clearable={!required && !readOnly}
      clearButtonProps={{ 'aria-label': t('app.clearDate', { label }) }}
      defaultDate={defaultDate}
      firstDayOfWeek={1}
      w={w}
      popoverProps={{ withinPortal: true }}
    />
  );
}

import { DateInput } from '@mantine/dates';
import { type FocusEvent, type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { isIsoDay, looksLikeDate, parseDate } from '../lib/dates';

/**
 * A date typed as dd/mm/yyyy or picked in a calendar (in the interface's language, weeks
 * starting on Monday), whatever the browser's language. Its value is the ISO date the API
 * takes ('' when empty), so it plugs into `form.getInputProps`. Text that is not a date stays
 * in the field on leaving it, said so, and reaches the form as typed: the form's date check
 * then refuses to send it (an optional date was once emptied silently and saved as none).
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
  // The value is an ISO day, '' or, after leaving the field, the unreadable text as typed.
  const unreadable = value && !isIsoDay(value) ? value : null;
  // The calendar keeps the last real date meanwhile: changing it would wipe the typed text.
  const lastDay = useRef<string | null>(null);
  if (!unreadable) lastDay.current = value || null;
  // Readable text is rewritten as dd/mm/yyyy on leaving (3/4/1992 → 03/04/1992); unreadable
  // text is kept as typed, for the person to correct.
  const [typedReadable, setTypedReadable] = useState(true);
  const typing = (event: FormEvent<HTMLInputElement>) => {
    const text = event.currentTarget.value.trim();
    setTypedReadable(!text || parseDate(text) !== null);
  };
  const leave = (event: FocusEvent<HTMLInputElement>) => {
    const text = event.currentTarget.value.trim();
    if (text && !parseDate(text)) onChange(text);
    onBlur?.();
  };
  const unreadableMessage = (text: string) =>
    looksLikeDate(text) ? t('validation.dateNotInCalendar', { text }) : t('validation.date', { text });
  return (
    <DateInput
      label={label}
      description={description}
      required={required}
      readOnly={readOnly}
      value={unreadable ? lastDay.current : value || null}
      onChange={(next) => onChange(next ?? '')}
      onBlur={leave}
      onFocus={onFocus}
      // Unreadable text is what needs fixing first.
      error={unreadable ? unreadableMessage(unreadable) : error}
      fixOnBlur={typedReadable}
      onInput={typing}
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

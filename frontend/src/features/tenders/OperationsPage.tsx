import { Button, Card, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

import { call } from '../../api/client';
import { operationsCreateOperation, operationsListOperations, operationsUpdateOperation } from '../../client/sdk.gen';
import type { EligibilityRestriction, OperationRead, OperationTargetKind } from '../../client/types.gen';
import { ProblemAlert } from '../../components/Feedback';
import { ListFrame } from '../../components/ListFrame';
import { PageHeader } from '../../components/PageHeader';
import { useApiSubmit } from '../../hooks/useApiSubmit';
import { useCursorList } from '../../hooks/useCursorList';
import { useUrlFilters } from '../../hooks/useUrlFilters';
import { useValidator } from '../../hooks/useValidator';
import { fieldMap } from '../../lib/problem';
import { maxLength, NAME_MAX_LENGTH, required, share, TEXT_MAX_LENGTH, wholeNumber } from '../../lib/validation';
import { useAuth } from '../auth/AuthProvider';
import { decimal, fromPercent, integer, percent, toPercent, typed } from './format';
import { FormActions } from '../../components/FormActions';

export function targetText(t: (key: string) => string, operation: Pick<OperationRead, 'target_kind' | 'target_value'>) {
  if (!operation.target_kind || operation.target_value === null) return t('operations.noTarget');
  return operation.target_kind === 'hours_share'
    ? percent(operation.target_value)
    : `${integer(operation.target_value)} h`;
}

interface Values {
  name: string;
  description: string;
  target_kind: OperationTargetKind | null;
  target_value: string;
  eligibility_restriction: EligibilityRestriction | null;
}

/** A target in hours: a whole number, 8 digits at most (`target_value`: 12 digits, 4 decimals). */
const OPERATION_HOURS_MAX = 99_999_999;

const OPERATION_FIELDS = fieldMap(['name', 'description', 'target_value', 'target_kind', 'eligibility_restriction']);

/** The operation's form: creates one, or edits `operation` (PATCH with If-Match from `etag`). */
export function OperationForm({
  operation,
  etag,
  onDone,
  onReload,
}: {
  operation?: OperationRead;
  etag?: string;
  onDone: () => void;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  const rule = useValidator();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: operation
      ? {
          name: operation.name,
          description: operation.description,
          target_kind: operation.target_kind ?? 'hours_share',
          target_value:
            operation.target_value === null
              ? ''
              : operation.target_kind === 'hours_share'
                ? toPercent(operation.target_value)
                : typed(operation.target_value),
          eligibility_restriction: operation.eligibility_restriction,
        }
      : { name: '', description: '', target_kind: 'hours_share', target_value: '', eligibility_restriction: null },
    // The server's bounds (tenders/schemas.py, operations.py), so every error shows at once.
    validate: {
      name: rule(required, maxLength(NAME_MAX_LENGTH)),
      description: rule(maxLength(TEXT_MAX_LENGTH.description)),
      target_value: (value, values) =>
        values.target_kind === 'hours_share' ? rule(share)(value) : rule(wholeNumber(1, OPERATION_HOURS_MAX))(value),
    },
  });
  const { busy, run, alert } = useApiSubmit(form, OPERATION_FIELDS);
  const submit = form.onSubmit((values) =>
    run(async () => {
      const value = values.target_value.trim();
      const body = {
        name: values.name.trim(),
        description: values.description.trim(),
        target_kind: value ? values.target_kind : null,
        target_value: value ? (values.target_kind === 'hours_share' ? fromPercent(value) : decimal(value)) : null,
        eligibility_restriction: values.eligibility_restriction,
      };
      if (operation) {
        await call(
          operationsUpdateOperation({ path: { operation_id: operation.id }, headers: { 'If-Match': etag ?? '' }, body }),
        );
        await queryClient.invalidateQueries({ queryKey: ['operations'] });
        await queryClient.invalidateQueries({ queryKey: ['operation', operation.id] });
        notifications.show({ color: 'green', message: t('operations.updated') });
        onDone();
        return;
      }
      const created = await call(operationsCreateOperation({ body }));
      await queryClient.invalidateQueries({ queryKey: ['operations'] });
      notifications.show({ color: 'green', message: t('operations.created') });
      onDone();
      navigate(`/operations/${created.id}`);
    }),
  );
  return (
    <Card withBorder padding="lg" component="section" aria-label={operation ? t('operations.edit') : t('operations.new')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ProblemAlert {...alert} onReload={onReload} />
          <TextInput label={t('operations.name')} required {...form.getInputProps('name')} />
          <Textarea label={t('operations.description')} autosize minRows={2} {...form.getInputProps('description')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('operations.targetKind')}
              allowDeselect={false}
              data={(['hours_share', 'hours'] as const).map((value) => ({ value, label: t(`targetKinds.${value}`) }))}
              {...form.getInputProps('target_kind')}
            />
            <TextInput
              label={t('operations.targetValue')}
              description={form.values.target_kind === 'hours_share' ? t('operations.targetShareHelp') : t('operations.targetHoursHelp')}
              // Kept as typed: a text that is not a number is refused with what is expected.
              inputMode="decimal"
              {...form.getInputProps('target_value')}
            />
            <Select
              label={t('operations.restriction')}
              clearable
              placeholder={t('fmt.none')}
              data={[{ value: 'qpv_residents', label: t('restrictions.qpv_residents') }]}
              {...form.getInputProps('eligibility_restriction')}
            />
          </SimpleGrid>
          <FormActions label={operation ? t('app.save') : t('app.create')} busy={busy} onCancel={onDone} />
        </Stack>
      </form>
    </Card>
  );
}

export function OperationsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [creating, setCreating] = useState(false);
  const { filters, textInput } = useUrlFilters({ q: '' });
  const { q } = filters;
  const list = useCursorList(['operations', 'list', q], (cursor) =>
    call(operationsListOperations({ query: { q: q || undefined, cursor, limit: 50 } })),
  );
  return (
    <Stack gap="md">
      <PageHeader
        title={t('operations.title')}
        description={t('operations.intro')}
        actions={
          can('operations:manage') &&
          !creating && <Button onClick={() => setCreating(true)}>{t('operations.new')}</Button>
        }
      />
      {creating && <OperationForm onDone={() => setCreating(false)} />}
      <Group role="search" aria-label={t('app.filters')}>
        <TextInput
          label={t('operations.search')}
          type="search"
          {...textInput('q')}
          w={{ base: '100%', sm: 360 }}
        />
      </Group>
      <ListFrame
        caption={t('operations.title')}
        columns={[t('operations.name'), t('operations.targetValue'), t('operations.restriction')]}
        list={list}
        minWidth={480}
        rows={list.items.map((operation) => ({
          key: operation.id,
          cells: [
            <Link to={`/operations/${operation.id}`} className="row-link">
              {operation.name}
            </Link>,
            targetText(t, operation),
            operation.eligibility_restriction ? t(`restrictions.${operation.eligibility_restriction}`) : '—',
          ],
        }))}
      />
    </Stack>
  );
}

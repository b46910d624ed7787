import { ActionIcon, Alert, Button, Card, Checkbox, Group, List, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call, callWithETag } from '../../api/client';
import {
  clauseSettingsClauseSettingsHistory,
  clauseSettingsCreateLabourShare,
  clauseSettingsDeleteLabourShare,
  clauseSettingsListLabourShares,
  clauseSettingsReadClauseSettings,
  clauseSettingsUpdateClauseSettings,
  clauseSettingsUpdateLabourShare,
} from '../../client/sdk.gen';
import type { ClauseSettingsRead, LabourShareRead } from '../../client/types.gen';
import { Loading, ProblemAlert } from '../../components/Feedback';
import { LoadError } from '../../components/NotFound';
import { HistoryPanel } from '../../components/HistoryPanel';
import { PageHeader } from '../../components/PageHeader';
import { DataTable } from '../../components/DataTable';
import { useApiSubmit } from '../../hooks/useApiSubmit';
import { useValidator } from '../../hooks/useValidator';
import { fieldMap, mapProblem, toApiError } from '../../lib/problem';
import {
  amount,
  atMost,
  cpvPrefix,
  email,
  maxLength,
  minLength,
  optional,
  percentage,
  phone,
  required,
  share,
  TEXT_MAX_LENGTH,
  wholeNumber,
} from '../../lib/validation';
import { useAuth } from '../auth/AuthProvider';
import { CRITERIA } from '../participants/vocabularies';
import { ArticleTemplateEditor } from './ArticleTemplateEditor';
import { HOURLY_COST_MAX } from './checks';
import { decimal, euros, fromPercent, percent, toPercent, typedAmount } from './format';

const FIELDS = fieldMap([
  'hourly_cost', 'insertion_rate', 'default_labour_share', 'monthly_ceiling_hours', 'training_cap_share',
  'cleaning_hourly_cost', 'cleaning_min_hours', 'eligibility_validity_months', 'contact_name', 'contact_email',
  'contact_phone', 'article_template', 'enabled_criteria',
]);

function valuesOf(s: ClauseSettingsRead) {
  return {
    hourly_cost: typedAmount(s.hourly_cost),
    insertion_rate: toPercent(s.insertion_rate),
    default_labour_share: toPercent(s.default_labour_share),
    monthly_ceiling_hours: String(s.monthly_ceiling_hours),
    training_cap_share: toPercent(s.training_cap_share),
    cleaning_hourly_cost: typedAmount(s.cleaning_hourly_cost),
    cleaning_min_hours: String(s.cleaning_min_hours),
    eligibility_validity_months: String(s.eligibility_validity_months),
    enabled_criteria: s.enabled_criteria as string[],
    contact_name: s.contact_name ?? '',
    contact_email: s.contact_email ?? '',
    contact_phone: s.contact_phone ?? '',
    article_template: s.article_template,
  };
}

function SettingsForm({ settings, etag, readOnly, onReload }: { settings: ClauseSettingsRead; etag: string; readOnly: boolean; onReload: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const rule = useValidator();
  const hourlyCost = atMost(HOURLY_COST_MAX, euros(HOURLY_COST_MAX));
  const form = useForm({
    initialValues: valuesOf(settings),
    validate: {
      hourly_cost: rule(required, amount, hourlyCost),
      insertion_rate: rule(required, share),
      default_labour_share: rule(required, share),
      training_cap_share: rule(required, percentage),
      cleaning_hourly_cost: rule(required, amount, hourlyCost),
      monthly_ceiling_hours: rule(required, wholeNumber(1, 744)),
      cleaning_min_hours: rule(required, wholeNumber(0, 100000)),
      eligibility_validity_months: rule(required, wholeNumber(6, 60)),
      contact_name: rule(maxLength(TEXT_MAX_LENGTH.contactName)),
      contact_email: rule(optional(email), maxLength(TEXT_MAX_LENGTH.email)),
      contact_phone: rule(phone),
      enabled_criteria: (value) => (value.length ? null : t('validation.oneCriterion')),
      article_template: rule(required, minLength(10), maxLength(TEXT_MAX_LENGTH.articleTemplate)),
    },
  });
  const { busy, run, alert } = useApiSubmit(form, FIELDS);
  const submit = form.onSubmit((v) =>
    run(async () => {
      await call(
        clauseSettingsUpdateClauseSettings({
          headers: { 'If-Match': etag },
          body: {
            hourly_cost: decimal(String(v.hourly_cost)),
            insertion_rate: fromPercent(v.insertion_rate),
            default_labour_share: fromPercent(v.default_labour_share),
            monthly_ceiling_hours: Number(decimal(v.monthly_ceiling_hours)),
            training_cap_share: fromPercent(v.training_cap_share),
            cleaning_hourly_cost: decimal(String(v.cleaning_hourly_cost)),
            cleaning_min_hours: Number(decimal(v.cleaning_min_hours)),
            eligibility_validity_months: Number(decimal(v.eligibility_validity_months)),
            enabled_criteria: CRITERIA.filter((c) => v.enabled_criteria.includes(c)),
            contact_name: v.contact_name.trim() || null,
            contact_email: v.contact_email.trim() || null,
            contact_phone: v.contact_phone.trim() || null,
            article_template: v.article_template === settings.article_template && settings.article_template_is_default ? undefined : v.article_template,
          },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ['clause-settings'] });
      await queryClient.invalidateQueries({ queryKey: ['audit', 'clause_settings'] });
      notifications.show({ color: 'green', message: t('app.saved') });
    }),
  );
  const restoreTemplate = () =>
    run(async () => {
      await call(clauseSettingsUpdateClauseSettings({ headers: { 'If-Match': etag }, body: { article_template: null } }));
      await queryClient.invalidateQueries({ queryKey: ['clause-settings'] });
    });
  return (
    <Card withBorder padding="lg" component="section" aria-label={t('settings.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {readOnly && (
            <Alert variant="light" color="gray" data-testid="read-only-settings">
              {t('settings.readOnly')}
            </Alert>
          )}
          <ProblemAlert {...alert} onReload={onReload} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('settings.hourlyCost')} inputMode="decimal" readOnly={readOnly} {...form.getInputProps('hourly_cost')} />
            <TextInput label={t('settings.insertionRate')} inputMode="decimal" readOnly={readOnly} {...form.getInputProps('insertion_rate')} />
            <TextInput label={t('settings.defaultLabourShare')} inputMode="decimal" readOnly={readOnly} {...form.getInputProps('default_labour_share')} />
            <TextInput label={t('settings.monthlyCeiling')} inputMode="numeric" readOnly={readOnly} {...form.getInputProps('monthly_ceiling_hours')} />
            <TextInput label={t('settings.trainingCap')} inputMode="decimal" readOnly={readOnly} {...form.getInputProps('training_cap_share')} />
            <TextInput label={t('settings.validityMonths')} inputMode="numeric" readOnly={readOnly} {...form.getInputProps('eligibility_validity_months')} />
            <TextInput label={t('settings.cleaningHourlyCost')} inputMode="decimal" readOnly={readOnly} {...form.getInputProps('cleaning_hourly_cost')} />
            <TextInput label={t('settings.cleaningMinHours')} inputMode="numeric" readOnly={readOnly} {...form.getInputProps('cleaning_min_hours')} />
          </SimpleGrid>
          {readOnly ? (
            // Read, not greyed-out boxes: the criteria the structure validates against.
            <Stack gap={4} data-testid="enabled-criteria">
              <Text size="sm" fw={600}>{t('settings.criteria')}</Text>
              <List size="sm" spacing={2}>
                {CRITERIA.filter((c) => settings.enabled_criteria.includes(c)).map((criterion) => (
                  <List.Item key={criterion}>{t(`criteria.${criterion}`)}</List.Item>
                ))}
              </List>
            </Stack>
          ) : (
            <Checkbox.Group label={t('settings.criteria')} description={t('settings.criteriaHelp')} {...form.getInputProps('enabled_criteria')}>
              <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
                {CRITERIA.map((criterion) => (
                  <Checkbox key={criterion} value={criterion} label={t(`criteria.${criterion}`)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          )}
          <Title order={3} size="h5">{t('settings.contact')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('settings.contactName')} readOnly={readOnly} {...form.getInputProps('contact_name')} />
            <TextInput label={t('settings.contactEmail')} type="email" readOnly={readOnly} {...form.getInputProps('contact_email')} />
            <TextInput label={t('settings.contactPhone')} readOnly={readOnly} {...form.getInputProps('contact_phone')} />
          </SimpleGrid>
          <ArticleTemplateEditor
            value={form.values.article_template}
            onChange={(value) => form.setFieldValue('article_template', value)}
            formError={form.errors.article_template}
            description={settings.article_template_is_default ? t('settings.templateDefault') : t('settings.templateCustom')}
            readOnly={readOnly}
          />
          {!readOnly && (
            <Group>
              <Button type="submit" loading={busy}>{t('app.save')}</Button>
              {!settings.article_template_is_default && (
                <Button variant="subtle" onClick={() => void restoreTemplate()}>{t('settings.restoreTemplate')}</Button>
              )}
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}

/** A row's share, edited in place (percent) and saved with its If-Match. */
function useShareAction(share: LabourShareRead) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const act = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      await queryClient.invalidateQueries({ queryKey: ['clause-settings'] });
    } catch (caught) {
      setError(caught);
    }
  };
  // The API's ETag of a record is "<id>.<version>" (core/etag.py).
  return { error, act, etag: `"${share.id}.${share.version}"` };
}

function ShareCell({ share, readOnly }: { share: LabourShareRead; readOnly: boolean }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(toPercent(share.share));
  const { error, act, etag } = useShareAction(share);
  if (readOnly) return <>{percent(share.share)}</>;
  const message = error ? mapProblem(toApiError(error).problem, { share: 'share' }).fields.share : undefined;
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap" align="start">
        <TextInput
          aria-label={`${t('settings.share')} ${share.cpv_prefix}`}
          size="xs"
          w={90}
          value={value}
          error={message}
          inputMode="decimal"
          onChange={(e) => setValue(e.currentTarget.value)}
        />
        <Button size="xs" variant="light" disabled={value === toPercent(share.share)}
          onClick={() => void act(() => call(clauseSettingsUpdateLabourShare({ path: { share_id: share.id }, headers: { 'If-Match': etag }, body: { share: fromPercent(value) } })))}>
          {t('app.save')}
        </Button>
      </Group>
      <ProblemAlert error={error} fields={{ share: 'share' }} />
    </Stack>
  );
}

function RemoveShare({ share }: { share: LabourShareRead }) {
  const { t } = useTranslation();
  const { error, act, etag } = useShareAction(share);
  return (
    <>
      <ActionIcon variant="subtle" color="red.9" aria-label={`${t('settings.remove')} ${share.cpv_prefix}`}
        onClick={() => void act(() => call(clauseSettingsDeleteLabourShare({ path: { share_id: share.id }, headers: { 'If-Match': etag } })))}>
        ×
      </ActionIcon>
      <ProblemAlert error={error} />
    </>
  );
}

function LabourShares({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const shares = useQuery({ queryKey: ['clause-settings', 'shares'], queryFn: () => call(clauseSettingsListLabourShares({ query: { limit: 200 } })) });
  const rule = useValidator();
  const form = useForm({
    initialValues: { cpv_prefix: '', trade: '', share: '' },
    validate: {
      cpv_prefix: rule(required, cpvPrefix),
      trade: rule(required, maxLength(TEXT_MAX_LENGTH.trade)),
      share: rule(required, share),
    },
  });
  const { busy, run, alert } = useApiSubmit(form, fieldMap(['cpv_prefix', 'trade', 'share']));
  const add = form.onSubmit((v) =>
    run(async () => {
      await call(clauseSettingsCreateLabourShare({ body: { cpv_prefix: v.cpv_prefix.trim(), trade: v.trade.trim(), share: fromPercent(v.share) ?? '' } }));
      form.reset();
      await queryClient.invalidateQueries({ queryKey: ['clause-settings'] });
    }),
  );
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="shares-title">
      <Title order={2} size="h4" id="shares-title">{t('settings.sharesTitle')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('settings.sharesIntro')}</Text>
      <ProblemAlert error={shares.error} />
      <Paper withBorder>
        <DataTable
          caption={t('settings.sharesTitle')}
          columns={[t('settings.cpvPrefix'), t('lots.trade'), t('settings.share'), ...(readOnly ? [] : [t('settings.remove')])]}
          minWidth={480}
          striped={false}
          rows={(shares.data?.items ?? []).map((item) => ({
            key: `${item.id}-${item.version}`,
            cells: [
              <span className="mono">{item.cpv_prefix}</span>,
              item.trade,
              <ShareCell share={item} readOnly={readOnly} />,
              ...(readOnly ? [] : [<RemoveShare share={item} />]),
            ],
          }))}
        />
      </Paper>
      {!readOnly && (
        <form onSubmit={add} noValidate>
          <Group align="start" mt="sm">
            <TextInput label={t('settings.cpvPrefix')} description={t('settings.cpvPrefixHelp')} w={{ base: '100%', sm: 160 }} inputMode="numeric" {...form.getInputProps('cpv_prefix')} />
            <TextInput label={t('lots.trade')} description=" " w={{ base: '100%', sm: 260 }} {...form.getInputProps('trade')} />
            <TextInput label={t('settings.share')} description={t('settings.shareHelp')} w={{ base: '100%', sm: 140 }} inputMode="decimal" {...form.getInputProps('share')} />
            <Button type="submit" loading={busy} mt={{ base: 0, sm: 44 }}>{t('settings.addShare')}</Button>
          </Group>
          <ProblemAlert {...alert} />
        </form>
      )}
    </Card>
  );
}

export function ClauseSettingsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const record = useQuery({ queryKey: ['clause-settings', 'values'], queryFn: () => callWithETag(clauseSettingsReadClauseSettings()) });
  if (record.isPending) return <Loading />;
  if (record.error) return <LoadError error={record.error} />;
  const readOnly = !can('clause_settings:manage');
  const { data, etag } = record.data;
  return (
    <Stack gap="md">
      <PageHeader title={t('settings.title')} description={t('settings.intro')} />
      <SettingsForm key={data.version} settings={data} etag={etag} readOnly={readOnly} onReload={() => void record.refetch()} />
      <LabourShares readOnly={readOnly} />
      <HistoryPanel
        entityType="clause_settings"
        entityId={data.organisation_id}
        hiddenFields={['organisation_id']}
        fetchPage={(cursor) => call(clauseSettingsClauseSettingsHistory({ query: { cursor, limit: 20 } }))}
      />
    </Stack>
  );
}

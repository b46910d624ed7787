import { Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { complianceLotCompliance } from '../../client/sdk.gen';
import type { LotCompliance } from '../../client/types.gen';
import { DataTable } from '../../components/DataTable';
import { DateField } from '../../components/DateField';
import { Loading, ProblemAlert } from '../../components/Feedback';
import { todayIso } from '../../lib/dates';
import { day, euros, number, percent } from '../tenders/format';
import { asOfDay, asOfProblem, progressSections, shareOf } from './compliance';
import { ComplianceStatusBadge } from './ComplianceStatusBadge';

// The charting library is loaded with the first chart, not with the app.
const ComplianceChart = lazy(() => import('./ComplianceChart').then((module) => ({ default: module.ComplianceChart })));

function Figure({ label, value, detail }: { label: string; value: string; detail?: string | null }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={700} size="lg">{value}</Text>
      {detail && <Text size="xs" c="dimmed">{detail}</Text>}
    </div>
  );
}

function Figures({ figures }: { figures: LotCompliance }) {
  const { t } = useTranslation();
  const required = figures.required_hours;
  const done = shareOf(figures.counted_hours, required);
  const sections = progressSections(figures.counted_hours, figures.pending_hours, required);
  return (
    <Stack gap="sm">
      {required ? (
        <Progress.Root size="lg">
          <Progress.Section value={sections.validated} color="green" aria-label={t('compliance.progressLabel', { share: number(done ?? 0) })} />
          <Progress.Section value={sections.pending} color="yellow" aria-label={t('compliance.pendingLabel', { share: number(sections.pending) })} />
        </Progress.Root>
      ) : (
        <Text size="sm" c="dimmed">{t('compliance.noRequirement')}</Text>
      )}
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
        <Figure
          label={t('compliance.counted')}
          value={t('hours.amount', { hours: number(figures.counted_hours) })}
          detail={required ? t('compliance.ofRequired', { required: number(required), share: number(done) }) : null}
        />
        <Figure label={t('compliance.pending')} value={t('hours.amount', { hours: number(figures.pending_hours) })} />
        <Figure
          label={t('compliance.expected')}
          value={figures.expected_by_now === null ? '—' : t('hours.amount', { hours: number(figures.expected_by_now) })}
          detail={figures.elapsed_share === null ? null : t('compliance.elapsed', { share: percent(figures.elapsed_share) })}
        />
        <Figure
          label={t('compliance.projected')}
          value={figures.projected_at_end === null ? '—' : t('hours.amount', { hours: number(figures.projected_at_end) })}
        />
      </SimpleGrid>
      <CountedParts figures={figures} />
      {figures.execution_start && (
        <Text size="sm">{t('compliance.execution', { start: day(figures.execution_start), end: day(figures.execution_end) })}</Text>
      )}
    </Stack>
  );
}

/** What the counted hours are made of, when more than validated hours: conversions of
 * subcontracted amounts and hours pooled across the operation's lots. */
function CountedParts({ figures }: { figures: LotCompliance }) {
  const { t } = useTranslation();
  const parts = [
    Number(figures.converted_hours) > 0 && t('compliance.partConverted', { hours: number(figures.converted_hours) }),
    Number(figures.pooled_in) > 0 && t('compliance.partPooledIn', { hours: number(figures.pooled_in) }),
    Number(figures.pooled_out) > 0 && t('compliance.partPooledOut', { hours: number(figures.pooled_out) }),
  ].filter((part): part is string => Boolean(part));
  if (parts.length === 0) return null;
  return (
    <Text size="sm" data-testid="counted-parts">
      {t('compliance.partValidated', { hours: number(figures.validated_hours) })} · {parts.join(' · ')}
    </Text>
  );
}

function ByMode({ figures }: { figures: LotCompliance }) {
  const { t } = useTranslation();
  if (figures.by_mode.length === 0) return <Text size="sm" c="dimmed">{t('compliance.noHours')}</Text>;
  return (
    <DataTable
      caption={t('compliance.byMode')}
      columns={[t('assignments.mode'), t('compliance.validated'), t('compliance.pending'), t('compliance.counted')]}
      minWidth={520}
      rows={figures.by_mode.map((row) => ({
        key: row.mode,
        cells: [
          <>
            <Text size="sm">{t(`fulfilmentModes.${row.mode}`)}</Text>
            {row.conversion && (
              <Text size="xs" c="dimmed" data-testid="conversion">
                {t('compliance.conversion', {
                  enterprise: row.conversion.enterprise_name,
                  amount: euros(row.conversion.subcontract_amount),
                  share: percent(row.conversion.labour_share),
                  cost: euros(row.conversion.hourly_cost),
                  total: number(row.conversion.total_hours),
                })}
              </Text>
            )}
          </>,
          t('hours.amount', { hours: number(row.validated) }),
          t('hours.amount', { hours: number(row.pending) }),
          t('hours.amount', { hours: number(row.counted) }),
        ],
      }))}
    />
  );
}

function People({ figures }: { figures: LotCompliance }) {
  const { t } = useTranslation();
  const profile = figures.profile;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>{t('compliance.participants', { count: figures.participants })}</Text>
      {profile && (
        <Text size="sm" data-testid="compliance-profile">
          {t('compliance.profile', {
            women: percent(profile.women),
            qpv: percent(profile.qpv_residents),
            young: percent(profile.under_26),
            senior: percent(profile.over_50),
          })}
        </Text>
      )}
    </Stack>
  );
}

/** Where the lot's clause stands on a day (today by default): hours validated and waiting
 * against the requirement and its share due by then, by mode, and the people who worked. */
export function LotCompliancePanel({ tenderId, lotId }: { tenderId: string; lotId: string }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const today = todayIso();
  const problem = asOfProblem(typed, today);
  const on = asOfDay(typed, today);
  const figures = useQuery({
    queryKey: ['compliance', 'lot', lotId, on],
    queryFn: () => call(complianceLotCompliance({ path: { tender_id: tenderId, lot_id: lotId }, query: { on } })),
  });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="compliance-title" data-testid="lot-compliance">
      <Stack gap="md">
        <Group justify="space-between" align="end" wrap="wrap">
          <Group gap="sm" align="center">
            <Title order={2} size="h3" id="compliance-title">{t('compliance.title')}</Title>
            {figures.data && <ComplianceStatusBadge status={figures.data.status} late={figures.data.late} />}
          </Group>
          <DateField
            label={t('compliance.on')}
            value={typed}
            onChange={setTyped}
            description={t('compliance.onAtMostToday')}
            error={problem ? t(problem.key, problem.values) : undefined}
            w={220}
          />
        </Group>
        {figures.error ? <ProblemAlert error={figures.error} /> : null}
        {figures.isPending && <Loading />}
        {figures.data && (
          <>
            <Text size="sm" c="dimmed">{t(`complianceHelp.${figures.data.status ?? 'none'}`)}</Text>
            <Figures figures={figures.data} />
            <ByMode figures={figures.data} />
            {figures.data.training_cap !== null && Number(figures.data.training_excess) > 0 && (
              <Text size="sm" c="orange.9" data-testid="training-excess">
                {t('compliance.trainingExcess', {
                  cap: number(figures.data.training_cap),
                  excess: number(figures.data.training_excess),
                })}
              </Text>
            )}
            <People figures={figures.data} />
            <Suspense fallback={<Loading />}>
              <ComplianceChart lotId={lotId} on={on} />
            </Suspense>
          </>
        )}
      </Stack>
    </Card>
  );
}

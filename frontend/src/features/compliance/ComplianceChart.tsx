import '@mantine/charts/styles.css';

import { LineChart } from '@mantine/charts';
import { Button, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { complianceComplianceSeries } from '../../client/sdk.gen';
import { DataTable } from '../../components/DataTable';
import { Loading, ProblemAlert } from '../../components/Feedback';
import { monthLabel } from '../hours/hours';
import { chartRows } from './compliance';
import { number } from '../tenders/format';

/** Required against validated hours month by month (a lot's, or an operation's), with the
 * same figures as a table for whoever does not read charts. */
export function ComplianceChart({ lotId, operationId, on }: { lotId?: string; operationId?: string; on: string }) {
  const { t, i18n } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const series = useQuery({
    queryKey: ['compliance', 'series', lotId ?? null, operationId ?? null, on],
    queryFn: () => call(complianceComplianceSeries({ query: { lot_id: lotId, operation_id: operationId, on } })),
  });
  if (series.error) return <ProblemAlert error={series.error} />;
  if (series.isPending) return <Loading />;
  if (series.data.points.length === 0) return <Text size="sm" c="dimmed">{t('compliance.noSeries')}</Text>;
  const rows = chartRows(series.data, i18n.language);
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600} id={`chart-${lotId ?? operationId}`}>{t('compliance.chartTitle')}</Text>
      {asTable ? (
        <DataTable
          caption={t('compliance.chartTitle')}
          columns={[t('hours.month'), t('compliance.cumulativeCounted'), t('compliance.cumulativeExpected')]}
          minWidth={420}
          rows={series.data.points.map((point) => ({
            key: point.month,
            cells: [
              monthLabel(point.month, i18n.language),
              t('hours.amount', { hours: number(point.cumulative_counted) }),
              t('hours.amount', { hours: number(point.cumulative_expected) }),
            ],
          }))}
        />
      ) : (
        <div role="img" aria-labelledby={`chart-${lotId ?? operationId}`} data-testid="compliance-chart">
          <LineChart
            h={240}
            data={rows}
            dataKey="month"
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            valueFormatter={(value) => t('hours.amount', { hours: number(value) })}
            series={[
              { name: 'counted', label: t('compliance.cumulativeCounted'), color: 'green.7' },
              { name: 'expected', label: t('compliance.cumulativeExpected'), color: 'gray.6', strokeDasharray: '5 5' },
              { name: 'required', label: t('compliance.required'), color: 'blue.7', strokeDasharray: '2 4' },
            ]}
            // Every month gets its label, shortened, slanted when there are many.
            xAxisProps={{
              interval: 0,
              tickFormatter: (value: string) => rows.find((row) => row.month === value)?.short ?? value,
              ...(rows.length > 8 ? { angle: -40, textAnchor: 'end', height: 50 } : {}),
            }}
            curveType="linear"
            withDots={rows.length <= 24}
          />
        </div>
      )}
      <Button variant="subtle" size="compact-sm" onClick={() => setAsTable((shown) => !shown)} style={{ alignSelf: 'flex-start' }}>
        {asTable ? t('compliance.showChart') : t('compliance.showTable')}
      </Button>
    </Stack>
  );
}

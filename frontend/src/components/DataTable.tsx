import { Table } from '@mantine/core';
import { type CSSProperties, type ReactNode } from 'react';

import { TableHead } from './TableHead';

/** One row: a stable key and a cell per column (the first one names the row). */
export interface DataRow {
  key: string;
  cells: ReactNode[];
}

/**
 * A table that stays readable on a phone: from tablet width up, columns side by side (with
 * a horizontal scroll under `minWidth`); below, each row becomes a card where every value
 * follows its column's name, so no column is pushed out of sight.
 */
export function DataTable({
  caption,
  columns,
  rows,
  minWidth = 640,
  striped = true,
  testId,
}: {
  caption: string;
  columns: readonly string[];
  rows: readonly DataRow[];
  minWidth?: number;
  striped?: boolean;
  testId?: string;
}) {
  return (
    <div className="table-scroll">
      <Table
        striped={striped}
        highlightOnHover
        className="data-table stacked-table"
        style={{ '--table-min-width': `${minWidth}px` } as CSSProperties}
        data-testid={testId}
      >
        <caption className="visually-hidden">{caption}</caption>
        <TableHead columns={columns} />
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              {row.cells.map((cell, index) => (
                <Table.Td key={columns[index] ?? index} data-label={columns[index]} data-primary={index === 0 || undefined}>
                  {/* One box per value, so its label and it stay side by side on a phone. */}
                  <div className="cell-value">{cell}</div>
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

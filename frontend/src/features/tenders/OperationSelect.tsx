import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';

import { call } from '../../api/client';
import { operationsListOperations } from '../../client/sdk.gen';

/** An operation picked from the structure's operations (clearable). */
export function OperationSelect({
  label,
  placeholder,
  value,
  error,
  onChange,
  w,
}: {
  label: string;
  placeholder: string;
  value: string | null;
  error?: ReactNode;
  onChange: (value: string | null) => void;
  w?: Record<string, number | string> | number | string;
}) {
  const operations = useQuery({
    queryKey: ['operations', 'choices'],
    queryFn: () => call(operationsListOperations({ query: { limit: 200 } })),
  });
  return (
    <Select
      label={label}
      clearable
      searchable
      placeholder={placeholder}
      value={value}
      error={error}
      onChange={onChange}
      data={(operations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
      w={w}
    />
  );
}

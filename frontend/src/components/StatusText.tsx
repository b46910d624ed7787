import { Text } from '@mantine/core';

/** Active / inactive in a table cell or a form: a word, with colour only as a second cue. */
export function StatusText({ active, label }: { active: boolean; label: string }) {
  return (
    <Text size="sm" fw={600} className={active ? 'status-active' : 'status-inactive'}>
      {label}
    </Text>
  );
}

import { Combobox, Loader, Pill, PillsInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { call } from '../api/client';
import { territoriesSearchTerritories } from '../client/sdk.gen';
import type { TerritoryLevel } from '../client/types.gen';

export interface TerritoryValue {
  level: TerritoryLevel;
  code: string;
  name: string;
}

export const territoryKey = (t: { level: string; code: string }) => `${t.level}:${t.code}`;

/** Multi-select of communes, departments and regions, searched by name or INSEE code. */
export function TerritoryPicker({
  label,
  description,
  value,
  onChange,
  error,
  readOnly = false,
  required,
}: {
  label: string;
  description?: string;
  value: TerritoryValue[];
  onChange: (value: TerritoryValue[]) => void;
  error?: ReactNode;
  readOnly?: boolean;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const { data: options = [], isFetching } = useQuery({
    queryKey: ['territories', 'search', debounced],
    queryFn: () => call(territoriesSearchTerritories({ query: { q: debounced, limit: 15 } })),
    enabled: debounced.length > 0,
  });
  const selected = new Set(value.map(territoryKey));
  const describe = (item: TerritoryValue) => `${item.name} (${t(`levels.${item.level}`)} ${item.code})`;
  const add = (option: TerritoryValue) => {
    if (!selected.has(territoryKey(option))) onChange([...value, option]);
    setSearch('');
  };
  const remove = (item: TerritoryValue) =>
    onChange(value.filter((v) => territoryKey(v) !== territoryKey(item)));
  const submitOption = (id: string) => {
    const option = options.find((o) => territoryKey(o) === id);
    if (option) add({ level: option.level, code: option.code, name: option.name });
  };

  return (
    <Combobox store={combobox} onOptionSubmit={submitOption}>
      <Combobox.DropdownTarget>
        <PillsInput
          label={label}
          description={description}
          error={error}
          required={required}
          variant={readOnly ? 'filled' : 'default'}
          onClick={() => !readOnly && combobox.openDropdown()}
          rightSection={isFetching ? <Loader size="xs" aria-hidden /> : null}
        >
          <Pill.Group>
            {value.map((item) => (
              <Pill
                key={territoryKey(item)}
                withRemoveButton={!readOnly}
                onRemove={() => remove(item)}
                removeButtonProps={{ 'aria-label': t('territory.remove', { name: item.name }) }}
              >
                {describe(item)}
              </Pill>
            ))}
            {!readOnly && (
              <Combobox.EventsTarget>
                <PillsInput.Field
                  value={search}
                  placeholder={value.length === 0 ? t('territory.placeholder') : undefined}
                  onFocus={() => combobox.openDropdown()}
                  onBlur={() => combobox.closeDropdown()}
                  onChange={(event) => {
                    combobox.updateSelectedOptionIndex();
                    combobox.openDropdown();
                    setSearch(event.currentTarget.value);
                  }}
                  onKeyDown={(event) => {
                    if (event.key === 'Backspace' && search.length === 0 && value.length > 0) {
                      event.preventDefault();
                      remove(value[value.length - 1]);
                    }
                  }}
                />
              </Combobox.EventsTarget>
            )}
          </Pill.Group>
        </PillsInput>
      </Combobox.DropdownTarget>
      <Combobox.Dropdown hidden={debounced.length === 0}>
        <Combobox.Options aria-label={label} mah={280} style={{ overflowY: 'auto' }}>
          {options.length === 0 && !isFetching && <Combobox.Empty>{t('app.none')}</Combobox.Empty>}
          {options.map((option) => (
            <Combobox.Option
              value={territoryKey(option)}
              key={territoryKey(option)}
              active={selected.has(territoryKey(option))}
            >
              {option.name} — {t(`levels.${option.level}`)} {option.code}
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}

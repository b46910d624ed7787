/** The Levier look: a sober institutional blue, dense back-office spacing, AA contrast. */
import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

import { currentLanguage } from './i18n';

// Shades 7–9 on white and shade 9 on shade 1 stay above 4.5:1 (WCAG AA for text).
const levier: MantineColorsTuple = [
  '#eef3fb',
  '#dbe5f5',
  '#b5c9ea',
  '#8dabdf',
  '#6690d3',
  '#4677c7',
  '#2f63b5',
  '#24529a',
  '#1c437f',
  '#153465',
];

export const theme = createTheme({
  colors: { levier },
  primaryColor: 'levier',
  primaryShade: 7,
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '700' },
  defaultRadius: 'sm',
  components: {
    TextInput: { defaultProps: { size: 'sm' } },
    // A number out of its bounds stays as typed and the form's check says so (clamping changed
    // 0 months into 6 and -5 hours into 0 silently); decimals are written with a comma in French.
    NumberInput: {
      defaultProps: {
        clampBehavior: 'none',
        decimalSeparator: typeof navigator !== 'undefined' && currentLanguage() === 'en' ? '.' : ',',
      },
    },
    Table: { defaultProps: { verticalSpacing: 'xs', fz: 'sm' } },
    // Toasts' close buttons need a name (axe: button-name); the language is the one at start.
    Notification: {
      defaultProps: {
        closeButtonProps: {
          'aria-label': typeof navigator !== 'undefined' && currentLanguage() === 'en' ? 'Close' : 'Fermer',
        },
      },
    },
  },
});

/** Dimmed text and light variants dark enough for 4.5:1 on white and on their own background. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    // Mantine's darkest green and teal stay under 4.5:1 on their light backgrounds (the
    // awarded and in-execution badges): darker shades of the same hues.
    '--mantine-color-green-light-color': '#237032',
    '--mantine-color-teal-light-color': '#06664a',
    '--mantine-color-red-light-color': 'var(--mantine-color-red-9)',
    '--mantine-color-orange-light-color': '#9c3c00',
  },
  dark: {},
});

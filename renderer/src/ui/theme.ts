import { createTheme, defaultVariantColorsResolver, parseThemeColor, type CSSVariablesResolver, type MantineColorsTuple, type VariantColorsResolver } from '@mantine/core';

/** Park teal, readable at arm's length: 16 px body text, 46 px inputs and buttons (scale 1.1). */
/** Shades 7 to 9 carry white text at WCAG AA contrast (shade 8 is about 5.3:1). */
const park: MantineColorsTuple = ['#e6fcf8', '#d2f5ee', '#a6eadc', '#76dfc9', '#4fd5b9', '#37cfaf', '#1aa88c', '#008c74', '#007a64', '#006654'];

/** Light badges and alerts: text darkened past the default so it keeps 4.5:1 on its tint (WCAG AA). */
const variantColorResolver: VariantColorsResolver = (input) => {
  const resolved = defaultVariantColorsResolver(input);
  if (input.variant !== 'light') return resolved;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return resolved;
  return {
    ...resolved,
    color: `color-mix(in srgb, var(--mantine-color-${parsed.color}-9) 62%, black)`,
    background: `var(--mantine-color-${parsed.color}-0)`,
    hover: `var(--mantine-color-${parsed.color}-1)`,
  };
};

/**
 * A CJK font carries the Latin letters too. On the English screen global.css sets
 * `--park-latin-punctuation` to a Latin font for quotes, apostrophes, dashes and the ellipsis only
 * (its unicode-range), so "counter’s" reads as English while Chinese keeps its full-width punctuation.
 */
const FONT_STACK = 'var(--park-latin-punctuation,) "Noto Sans SC", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", system-ui, sans-serif';

export const theme = createTheme({
  variantColorResolver,
  scale: 1.1,
  primaryColor: 'park',
  primaryShade: 8,
  colors: { park },
  fontFamily: FONT_STACK,
  headings: { fontFamily: FONT_STACK, fontWeight: '700' },
  defaultRadius: 'md',
  fontSizes: { xs: '0.8125rem', sm: '0.875rem', md: '0.9375rem', lg: '1.0625rem', xl: '1.25rem' },
  components: {
    Button: { defaultProps: { size: 'md' } },
    // Badges keep the words' own case: English labels are not shouted, Chinese is unaffected.
    Badge: { styles: { root: { textTransform: 'none' } } },
    TextInput: { defaultProps: { size: 'md' } },
    // The show/hide button of a PIN is a 44 px target (40 × the 1.1 scale) inside the 46 px field.
    PasswordInput: { defaultProps: { size: 'md' }, vars: () => ({ root: { '--psi-button-size': 'calc(2.5rem * var(--mantine-scale))' } }) },
    // Numbers are typed (a money amount, a count of days): the field's 30 × 22 px up/down arrows are no touch target.
    NumberInput: { defaultProps: { size: 'md', hideControls: true } },
    Select: { defaultProps: { size: 'md' } },
    // The time picker's lists of hours and minutes are touch targets too: 44 px rows, six of them in view.
    TimePicker: {
      defaultProps: { size: 'md', maxDropdownContentHeight: 264 },
      styles: { control: { minHeight: 'calc(2.5rem * var(--mantine-scale))', minWidth: 'calc(2.5rem * var(--mantine-scale))' } },
    },
    DateInput: { defaultProps: { size: 'md' } },
    SegmentedControl: { defaultProps: { size: 'md' } },
    // Touch targets of at least 44 px (UI.md; switches, tabs and links in global.css): every tick box, whatever its size.
    Checkbox: { vars: () => ({ root: { '--checkbox-size': 'calc(2.5rem * var(--mantine-scale))' } }) },
    CloseButton: { defaultProps: { size: 'xl' } },
    // A menu's items (the header's user menu: switch user, change PIN, sign out) are touch targets too.
    Menu: { styles: { item: { minHeight: 'calc(2.5rem * var(--mantine-scale))' } } },
    // Every dialog's title as a heading, the same in all of them.
    // Its close button's size and name: `LocalizedTheme`.
    // A touch beside a dialog (wet hands, gloves, a visitor leaning on the screen) never throws away
    // what was typed in it: a dialog closes by its own buttons, its close mark or Escape.
    Modal: { defaultProps: { closeOnClickOutside: false }, styles: { title: { fontSize: 'var(--mantine-font-size-xl)', fontWeight: 700 } } },
  },
});

/** Error text in red 8 (about 5.7:1 on white) instead of the default red 6 (3.3:1, below WCAG AA). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-error': 'var(--mantine-color-red-8)' },
  dark: {},
});

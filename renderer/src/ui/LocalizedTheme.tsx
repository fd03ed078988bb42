import type { ReactNode } from 'react';
import { MantineThemeProvider } from '@mantine/core';
import { useT } from '../app/i18n';

/**
 * What the theme says in words, in the screen's language: every dialog's close button is named
 * (screen readers, axe), whether or not the dialog names it itself. Merged over the app's theme.
 */
export function LocalizedTheme({ children }: { children: ReactNode }) {
  const t = useT();
  const closeButtonProps = { size: 'xl', 'aria-label': t('common.close') };
  return <MantineThemeProvider theme={{ components: { Modal: { defaultProps: { closeButtonProps } }, Drawer: { defaultProps: { closeButtonProps } } } }}>{children}</MantineThemeProvider>;
}

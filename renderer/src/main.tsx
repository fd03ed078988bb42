import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import './global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { LanguageProvider } from './app/i18n';
import { AppDataProvider } from './app/session';
import { App } from './app/App';
import { cssVariablesResolver, theme } from './ui/theme';
import { ParkDatesProvider } from './ui/dates';
import { LocalizedTheme } from './ui/LocalizedTheme';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications position="bottom-right" zIndex={1000} />
      <LanguageProvider>
        <LocalizedTheme>
          <ParkDatesProvider>
            <AppDataProvider>
              <App />
            </AppDataProvider>
          </ParkDatesProvider>
        </LocalizedTheme>
      </LanguageProvider>
    </MantineProvider>
  </StrictMode>,
);

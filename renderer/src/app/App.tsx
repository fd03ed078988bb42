import { useEffect } from 'react';
import { Center, Loader } from '@mantine/core';
import { Router } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { useLanguage, useT } from './i18n';
import { useSession } from './session';
import { useMethod } from '../api/hooks';
import { FatalPage } from '../features/fatal/FatalPage';
import { SetupPage } from '../features/setup/SetupPage';
import { SignInPage } from '../features/signin/SignInPage';
import { PairingPage } from '../features/stations/PairingPage';
import { Shell } from './Shell';
import { ParkProvider } from './park';

/** Which screen: the database's problem, first-run set-up, sign-in, or the signed-in app. */
export function App() {
  const { session, link } = useSession();
  const { adoptDefault } = useLanguage();
  const t = useT();
  // On another PC, nothing but pairing until the counter knows this PC.
  const paired = link !== undefined && (link.mode === 'counter' || link.paired);
  const info = useMethod('system.info', {}, { staleTime: Infinity, retry: 2, retryDelay: 1000, enabled: paired });

  useEffect(() => {
    if (info.data) adoptDefault(info.data.defaultLanguage);
  }, [info.data, adoptDefault]);

  if (link && !paired) return <PairingPage link={link} />;
  if (info.error?.body.code === 'UNAVAILABLE' && info.error.body.message.startsWith('fatal.')) return <FatalPage error={info.error.body} />;
  if (!info.data) {
    return (
      <Center mih="100vh">
        <Loader size="lg" role="status" aria-label={t('app.loading')} />
      </Center>
    );
  }
  // The counter PC's clock is the one that counts; this screen shows it, whatever its own clock says.
  const offsetMs = info.data.now - info.dataUpdatedAt;
  if (info.data.setupRequired) return <SetupPage />;
  return (
    <ParkProvider info={info.data} offsetMs={offsetMs}>
      {session ? (
        <Router hook={useHashLocation}>
          <Shell />
        </Router>
      ) : (
        <SignInPage />
      )}
    </ParkProvider>
  );
}

import { join } from 'node:path';
import { normalizeCounterUrl } from '@shared/rules/stations';

/**
 * Which ParkDesk this PC runs: the counter (the database is here), or a station of the counter on
 * the park LAN (`--counter ADDRESS`, `PARKDESK_COUNTER`, or once paired: `station.json` remembers).
 */
export type ShellMode = { kind: 'counter' } | { kind: 'station'; counterUrl: string | undefined; kiosk: boolean };

export function shellMode(argv: readonly string[], env: NodeJS.ProcessEnv, paired: boolean): ShellMode {
  const inline = argv.find((arg) => arg.startsWith('--counter='))?.slice('--counter='.length);
  const index = argv.indexOf('--counter');
  const given = inline ?? (index >= 0 ? argv[index + 1] : undefined) ?? env.PARKDESK_COUNTER;
  const counterUrl = given === undefined ? undefined : normalizeCounterUrl(given);
  if (given !== undefined && counterUrl === undefined) throw new Error(`Not a counter address: ${given} (for example 192.168.1.20:4781)`);
  if (counterUrl === undefined && !paired) return { kind: 'counter' };
  return { kind: 'station', counterUrl, kiosk: argv.includes('--kiosk') };
}

/** Where a Linux desktop starts programs at sign-in (XDG autostart). */
export function autostartFile(home: string, xdgConfigHome: string | undefined): string {
  return join(xdgConfigHome && xdgConfigHome !== '' ? xdgConfigHome : join(home, '.config'), 'autostart', 'parkdesk.desktop');
}

/** The autostart entry that starts ParkDesk when the counter PC's user signs in. */
export function autostartEntry(execPath: string, args: readonly string[] = []): string {
  const quote = (part: string) => (/[\s"'\\$`]/.test(part) ? `"${part.replace(/(["\\$`])/g, '\\$1')}"` : part);
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=ParkDesk',
    'Comment=Visitor service center counter',
    `Exec=${[execPath, ...args].map(quote).join(' ')}`,
    'X-GNOME-Autostart-enabled=true',
    'Terminal=false',
    '',
  ].join('\n');
}

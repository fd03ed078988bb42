import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'ParkDesk';

/**
 * The data folder: `PARKDESK_DATA_DIR` when set, else where Electron keeps `userData` for this
 * app, so the kiosk app and a station started on the same PC share one database.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.PARKDESK_DATA_DIR) return env.PARKDESK_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}

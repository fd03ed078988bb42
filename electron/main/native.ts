import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where `npm start` keeps better-sqlite3 built for Electron's ABI, beside the Node build. */
export const ELECTRON_NATIVE_DIR = '.electron-native';
export const ELECTRON_NATIVE_FILE = 'better_sqlite3.node';

/**
 * The better-sqlite3 addon for the Electron process. In development the Node build in node_modules
 * serves the tests and the station, and an Electron build sits in `.electron-native/`; in the
 * packaged app electron-builder has rebuilt node_modules for Electron, so the default is right.
 */
export function electronNativeBinding(appRoot: string, packaged: boolean): string | undefined {
  if (packaged) return undefined;
  const candidate = join(appRoot, ELECTRON_NATIVE_DIR, ELECTRON_NATIVE_FILE);
  return existsSync(candidate) ? candidate : undefined;
}

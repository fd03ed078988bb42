/**
 * The kiosk window's security guards as pure functions, so they are unit-tested without Electron.
 * Wired in main/index.ts: navigation, new windows, permissions, IPC senders and kiosk shortcuts.
 */

/** The app's own origin: the custom protocol in production, the dev server while developing. */
export const APP_SCHEME = 'parkdesk';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    // Custom standard schemes report origin "null" in some runtimes; rebuild it from the parts.
    return parsed.origin !== 'null' ? parsed.origin : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return undefined;
  }
}

/** The window may only ever show the app itself. */
export function navigationAllowed(url: string, appOrigin: string): boolean {
  return originOf(url) === appOrigin;
}

/** IPC calls are answered only for frames showing the app (not an injected or navigated frame). */
export function senderAllowed(frameUrl: string | undefined, appOrigin: string): boolean {
  return frameUrl !== undefined && navigationAllowed(frameUrl, appOrigin);
}

/**
 * Web content gets no permission (no microphone, geolocation, notifications…) except the camera
 * for the app itself: lost-and-found intake photographs found property. Nothing else asks.
 */
export function permissionAllowed(permission: string, requestingOrigin: string | undefined, appOrigin: string): boolean {
  return permission === 'media' && requestingOrigin !== undefined && navigationAllowed(requestingOrigin, appOrigin);
}

/** New windows are never opened; links to elsewhere are simply refused. */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  alt: boolean;
  meta: boolean;
  shift: boolean;
}

/**
 * In kiosk mode, the keys that would leave or break the kiosk: reload, close, quit, dev tools,
 * full-screen toggle, zoom reset of the whole UI. Leaving is done in the app with a manager PIN.
 */
export function kioskBlocksKey(input: KeyInput): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  const mod = input.control || input.meta;
  if (['f5', 'f11', 'f12'].includes(key)) return true;
  if (input.alt && key === 'f4') return true;
  if (mod && ['r', 'w', 'q', 'n', 't', 'p', 'o', 's'].includes(key)) return true;
  if (mod && input.shift && ['i', 'j', 'c'].includes(key)) return true;
  return false;
}

/** Maps a request for `parkdesk://app/<path>` to a file under the renderer folder, or nothing. */
export function rendererFileFor(url: string, rendererDir: string, sep = '/'): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (`${parsed.protocol}//${parsed.host}` !== APP_ORIGIN) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return undefined;
  }
  const parts = path.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.some((part) => part === '..' || part.includes('\\') || part.includes('\0'))) return undefined;
  if (parts.length === 0) parts.push('index.html');
  return [rendererDir.replace(/[\\/]+$/, ''), ...parts].join(sep);
}

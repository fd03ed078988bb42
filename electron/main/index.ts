import { app, BrowserWindow, ipcMain, net, protocol, session } from 'electron';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { z } from 'zod';
import { IPC_CALL, IPC_EVENT } from '@shared/ipc';
import type { Result } from '@shared/contract';
import { createCore, type Core } from '../core/app';
import { CONTENT_SECURITY_POLICY } from '@shared/csp';
import { electronNativeBinding } from './native';
import {
  APP_ORIGIN,
  APP_SCHEME,
  kioskBlocksKey,
  navigationAllowed,
  permissionAllowed,
  rendererFileFor,
  senderAllowed,
  windowOpenDecision,
} from './security';
import { windowOptions } from './window';
import { autostartEntry, autostartFile, shellMode } from './mode';
import { startSharing } from '../station/lan';
import { createRemoteApp, isStationPc } from '../station/remote';
// Resolved beside the build by electron-vite; electron-builder.yml packs the file.
import icon from '../../resources/icon.png?asset';

/**
 * The Electron main process: one window, one core. Everything else lives in the core (plain Node)
 * and the renderer; this file only wires them with Electron's security switches on.
 */
const ipcCall = z.object({ method: z.string().max(80), input: z.unknown(), token: z.string().max(200).optional() });
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const rendererDir = join(import.meta.dirname, '../renderer');
/** The window's origin: the custom protocol on the counter, the station process's address in station mode. */
let appOrigin = devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN;
const log = (message: string, error?: unknown) => console.error(`[parkdesk] ${message}`, error ?? '');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let mainWindow: BrowserWindow | undefined;

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = rendererFileFor(request.url, rendererDir, process.platform === 'win32' ? '\\' : '/');
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    return new Response(response.body, { status: response.status, headers });
  });
}

function guardContents(): void {
  session.defaultSession.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(permissionAllowed(permission, details.requestingUrl ?? contents.getURL(), appOrigin)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin, appOrigin));
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!navigationAllowed(url, appOrigin)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!navigationAllowed(url, appOrigin)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(windowOpenDecision);
  });
}

function bindIpc(core: Core): void {
  ipcMain.handle(IPC_CALL, async (event, raw: unknown): Promise<Result<unknown>> => {
    if (!senderAllowed(event.senderFrame?.url, appOrigin)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'errors.FORBIDDEN' } };
    }
    const call = ipcCall.safeParse(raw);
    if (!call.success) return { ok: false, error: { code: 'VALIDATION', message: 'errors.VALIDATION' } };
    return core.dispatch({ method: call.data.method, input: call.data.input, token: call.data.token, origin: 'local' });
  });
  core.subscribe((live) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(IPC_EVENT, live);
    if (live.name === 'kiosk.leave' && live.payload.origin === 'local' && mainWindow) {
      mainWindow.setKiosk(false);
      mainWindow.setFullScreen(false);
    }
    // A manager turned kiosk mode on or off in the settings: the window follows at once.
    if (live.name === 'settings.changed' && live.payload.keys.includes('kioskMode')) applyKiosk(core.settings()?.kioskMode ?? false);
  });
}

/** Kiosk mode: full screen, no way out but a manager's PIN, and ParkDesk starts with the PC. */
function applyKiosk(kiosk: boolean): void {
  if (mainWindow) {
    mainWindow.setKiosk(kiosk);
    mainWindow.setFullScreen(kiosk);
  }
  startWithThePc(kiosk);
}

/** Starts ParkDesk when the PC's user signs in (with `args`: a kiosk station passes `--kiosk`), or stops doing so. */
function startWithThePc(enabled: boolean, args: readonly string[] = []): void {
  if (process.platform !== 'linux') {
    app.setLoginItemSettings({ openAtLogin: enabled, args: [...args] });
    return;
  }
  // Linux desktops start programs listed in the XDG autostart folder.
  const file = autostartFile(homedir(), process.env.XDG_CONFIG_HOME);
  try {
    if (enabled) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, autostartEntry(process.env.APPIMAGE ?? process.execPath, [...(app.isPackaged ? [] : [app.getAppPath()]), ...args]));
    } else {
      rmSync(file, { force: true });
    }
  } catch (error) {
    log('could not change starting with the PC', error);
  }
}

async function createWindow(url: string, kiosk: boolean, preload: string | undefined): Promise<void> {
  mainWindow = new BrowserWindow(
    windowOptions({
      preload,
      kiosk,
      title: 'ParkDesk',
      icon,
    }),
  );
  mainWindow.removeMenu();
  mainWindow.webContents.on('before-input-event', (event, input) => {
    if (mainWindow?.isKiosk() && kioskBlocksKey(input)) event.preventDefault();
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  await mainWindow.loadURL(url);
}

/** The counter: the database, the kiosk window over IPC, and sharing on the LAN when it is on. */
async function runCounter(dataDir: string): Promise<void> {
  const nativeBinding = electronNativeBinding(app.getAppPath(), app.isPackaged);
  const core = createCore({ dataDir, version: app.getVersion(), ...(nativeBinding ? { nativeBinding } : {}) });
  serveRenderer();
  guardContents();
  bindIpc(core);
  const sharing = startSharing({ core, rendererDir, log: (message, error) => log(message, error) });
  const kiosk = core.settings()?.kioskMode ?? false;
  startWithThePc(kiosk);
  await createWindow(devServerUrl ?? `${APP_ORIGIN}/index.html`, kiosk, join(import.meta.dirname, '../preload/index.cjs'));
  app.on('window-all-closed', () => {
    void sharing.stop().finally(() => {
      core.close();
      app.quit();
    });
  });
}

/**
 * A station of the counter (the broadcast room, the duty office): no database here. The station
 * process runs inside this app on 127.0.0.1 and the window shows it; it has no IPC bridge.
 */
async function runStation(dataDir: string, counterUrl: string | undefined, kiosk: boolean): Promise<void> {
  const remote = createRemoteApp({ dataDir, rendererDir, counterUrl, log });
  const port = await new Promise<number>((resolve) => {
    serve({ fetch: remote.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(info.port));
  });
  appOrigin = `http://127.0.0.1:${port}`;
  guardContents();
  // A kiosk station (the broadcast room's screen) starts with its PC, as the counter does; it remembers its counter in station.json.
  if (kiosk) startWithThePc(true, ['--kiosk']);
  await createWindow(`${appOrigin}/`, kiosk, undefined);
  app.on('window-all-closed', () => app.quit());
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  void app.whenReady().then(async () => {
    const dataDir = process.env.PARKDESK_DATA_DIR ?? app.getPath('userData');
    const mode = shellMode(process.argv, process.env, isStationPc(dataDir));
    if (mode.kind === 'station') await runStation(dataDir, mode.counterUrl, mode.kiosk);
    else await runCounter(dataDir);
  });
}

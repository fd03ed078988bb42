import { app, BrowserWindow, ipcMain, net, protocol, session } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
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

/**
 * The Electron main process: one window, one core. Everything else lives in the core (plain Node)
 * and the renderer; this file only wires them with Electron's security switches on.
 */
const ipcCall = z.object({ method: z.string().max(80), input: z.unknown(), token: z.string().max(200).optional() });
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const appOrigin = devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN;
const rendererDir = join(import.meta.dirname, '../renderer');

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
  });
}

async function createWindow(core: Core): Promise<void> {
  const info = await core.call('system.info', {});
  const kiosk = info.ok && info.value.kioskMode;
  app.setLoginItemSettings({ openAtLogin: kiosk });
  mainWindow = new BrowserWindow(
    windowOptions({
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      kiosk,
      title: 'ParkDesk',
      icon: join(import.meta.dirname, '../../resources/icon.png'),
    }),
  );
  mainWindow.removeMenu();
  mainWindow.webContents.on('before-input-event', (event, input) => {
    if (mainWindow?.isKiosk() && kioskBlocksKey(input)) event.preventDefault();
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  await mainWindow.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
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
    const nativeBinding = electronNativeBinding(app.getAppPath(), app.isPackaged);
    const core = createCore({ dataDir, version: app.getVersion(), ...(nativeBinding ? { nativeBinding } : {}) });
    serveRenderer();
    guardContents();
    bindIpc(core);
    await createWindow(core);
    app.on('window-all-closed', () => {
      core.close();
      app.quit();
    });
  });
}

import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, kioskBlocksKey, navigationAllowed, permissionAllowed, rendererFileFor, senderAllowed, windowOpenDecision } from '../../electron/main/security';
import { windowOptions } from '../../electron/main/window';
import { electronNativeBinding } from '../../electron/main/native';
import { autostartEntry, autostartFile, shellMode } from '../../electron/main/mode';

// Pure parts of the Electron shell; the Electron runtime itself is not available on this machine.
describe('the kiosk window', () => {
  it('is isolated, sandboxed and without Node, in kiosk mode full screen without dev tools', () => {
    const options = windowOptions({ preload: '/app/out/preload/index.cjs', kiosk: true, title: 'ParkDesk' });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // The PDF viewer, to print A4 reports from a frame.
      plugins: true,
      devTools: false,
    });
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, autoHideMenuBar: true, width: 1280, height: 800 });
    const desk = windowOptions({ preload: 'p', kiosk: false, title: 'ParkDesk' });
    expect(desk).toMatchObject({ kiosk: false, fullscreen: false });
    expect(desk.webPreferences?.devTools).toBe(true);
    expect(desk.webPreferences?.sandbox).toBe(true);
  });
});

describe('the security guards', () => {
  it('let the window show only the app itself', () => {
    expect(navigationAllowed(`${APP_ORIGIN}/index.html#/counter/rentals`, APP_ORIGIN)).toBe(true);
    expect(navigationAllowed('https://example.com/', APP_ORIGIN)).toBe(false);
    expect(navigationAllowed('file:///etc/passwd', APP_ORIGIN)).toBe(false);
    expect(navigationAllowed('parkdesk://evil/index.html', APP_ORIGIN)).toBe(false);
    expect(navigationAllowed('not a url', APP_ORIGIN)).toBe(false);
    expect(navigationAllowed('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
  });

  it('answer IPC only for frames of the app', () => {
    expect(senderAllowed(`${APP_ORIGIN}/index.html`, APP_ORIGIN)).toBe(true);
    expect(senderAllowed('https://ads.example/', APP_ORIGIN)).toBe(false);
    expect(senderAllowed(undefined, APP_ORIGIN)).toBe(false);
  });

  it('grant only the camera, only to the app, and open no window', () => {
    for (const permission of ['geolocation', 'notifications', 'clipboard-read', 'openExternal', 'midi']) {
      expect(permissionAllowed(permission, `${APP_ORIGIN}/index.html`, APP_ORIGIN), permission).toBe(false);
    }
    expect(permissionAllowed('media', `${APP_ORIGIN}/index.html`, APP_ORIGIN)).toBe(true);
    expect(permissionAllowed('media', 'https://example.com/', APP_ORIGIN)).toBe(false);
    expect(permissionAllowed('media', undefined, APP_ORIGIN)).toBe(false);
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });

  it('block the keys that would leave the kiosk, and nothing a clerk types', () => {
    const key = (k: string, mods: Partial<{ control: boolean; alt: boolean; meta: boolean; shift: boolean }> = {}) => ({
      type: 'keyDown',
      key: k,
      control: false,
      alt: false,
      meta: false,
      shift: false,
      ...mods,
    });
    for (const blocked of [key('F5'), key('F11'), key('F12'), key('F4', { alt: true }), key('r', { control: true }), key('w', { control: true }), key('q', { meta: true }), key('I', { control: true, shift: true })]) {
      expect(kioskBlocksKey(blocked), JSON.stringify(blocked)).toBe(true);
    }
    for (const allowed of [key('a'), key('Enter'), key('Tab'), key('5'), key('c', { control: true }), key('v', { control: true }), key('F4')]) {
      expect(kioskBlocksKey(allowed), JSON.stringify(allowed)).toBe(false);
    }
    expect(kioskBlocksKey({ ...key('F5'), type: 'keyUp' })).toBe(false);
  });

  it('serve only files under the renderer folder from the app protocol', () => {
    expect(rendererFileFor(`${APP_ORIGIN}/index.html`, '/app/out/renderer')).toBe('/app/out/renderer/index.html');
    expect(rendererFileFor(`${APP_ORIGIN}/`, '/app/out/renderer')).toBe('/app/out/renderer/index.html');
    expect(rendererFileFor(`${APP_ORIGIN}/assets/index-1.js`, '/app/out/renderer/')).toBe('/app/out/renderer/assets/index-1.js');
    // Dot segments, even encoded, resolve inside the folder: never above it.
    expect(rendererFileFor(`${APP_ORIGIN}/%2e%2e/%2e%2e/etc/passwd`, '/app/out/renderer')).toBe('/app/out/renderer/etc/passwd');
    expect(rendererFileFor(`${APP_ORIGIN}/assets/%2e%2e%2f%2e%2e%2fsecret`, '/app/out/renderer')).toBeUndefined();
    expect(rendererFileFor(`${APP_ORIGIN}/assets/..%5c..%5csecret`, '/app/out/renderer')).toBeUndefined();
    expect(rendererFileFor('parkdesk://other/index.html', '/app/out/renderer')).toBeUndefined();
    expect(rendererFileFor(`${APP_ORIGIN}/a.js`, 'C:\\ParkDesk\\renderer', '\\')).toBe('C:\\ParkDesk\\renderer\\a.js');
  });

  it('use the Node build of better-sqlite3 unless an Electron build sits beside it in development', () => {
    expect(electronNativeBinding('/nowhere', false)).toBeUndefined();
    expect(electronNativeBinding('/nowhere', true)).toBeUndefined();
  });
});

describe('the shell’s mode', () => {
  it('is the counter unless told where the counter is, or paired as a station before', () => {
    expect(shellMode(['/opt/ParkDesk/parkdesk'], {}, false)).toEqual({ kind: 'counter' });
    expect(shellMode(['parkdesk', '--counter=192.168.1.20'], {}, false)).toEqual({ kind: 'station', counterUrl: 'https://192.168.1.20:4781', kiosk: false });
    expect(shellMode(['parkdesk', '--counter', 'counter.park:5000', '--kiosk'], {}, false)).toEqual({ kind: 'station', counterUrl: 'https://counter.park:5000', kiosk: true });
    expect(shellMode(['parkdesk'], { PARKDESK_COUNTER: '10.0.0.2' }, false)).toMatchObject({ kind: 'station', counterUrl: 'https://10.0.0.2:4781' });
    // Paired once: the station remembers its counter.
    expect(shellMode(['parkdesk'], {}, true)).toEqual({ kind: 'station', counterUrl: undefined, kiosk: false });
    expect(() => shellMode(['parkdesk', '--counter=http://10.0.0.2'], {}, false)).toThrow(/Not a counter address/);
  });

  it('gives a station window no IPC bridge, and keeps its other guards', () => {
    const station = windowOptions({ kiosk: false, title: 'ParkDesk' });
    expect(station.webPreferences).not.toHaveProperty('preload');
    expect(station.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
  });

  it('starts with the PC on Linux through an XDG autostart entry', () => {
    expect(autostartFile('/home/counter', undefined)).toBe('/home/counter/.config/autostart/parkdesk.desktop');
    expect(autostartFile('/home/counter', '/etc/xdg-user')).toBe('/etc/xdg-user/autostart/parkdesk.desktop');
    const entry = autostartEntry('/opt/ParkDesk App/parkdesk', ['--kiosk']);
    expect(entry).toContain('[Desktop Entry]\nType=Application\nName=ParkDesk\n');
    expect(entry).toContain('Exec="/opt/ParkDesk App/parkdesk" --kiosk\n');
  });
});

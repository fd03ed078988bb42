import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowSettings {
  /** The contract bridge; a station window has none (it talks HTTP to its station process). */
  preload?: string | undefined;
  kiosk: boolean;
  title: string;
  icon?: string | undefined;
}

/**
 * The kiosk window: context isolation, sandbox, no Node in the page, no webviews; full screen with
 * no menu in kiosk mode. The built-in PDF viewer (its only plugin) is on: an A4 report is printed
 * from a hidden frame holding the PDF. Sized for the 1280x800 counter screen, usable up to 1920x1080.
 */
export function windowOptions(settings: WindowSettings): BrowserWindowConstructorOptions {
  return {
    title: settings.title,
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    backgroundColor: '#f5f7fa',
    autoHideMenuBar: true,
    kiosk: settings.kiosk,
    fullscreen: settings.kiosk,
    ...(settings.icon ? { icon: settings.icon } : {}),
    webPreferences: {
      ...(settings.preload ? { preload: settings.preload } : {}),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      plugins: true,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !settings.kiosk,
    },
  };
}

import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };
const alias = { '@shared': resolve(root, 'shared') };
const define = { __APP_VERSION__: JSON.stringify(pkg.version) };

/**
 * main: the Electron main process and, as a second entry, the station (plain Node; shares the core).
 * preload: one CommonJS bundle with everything inlined, so it runs with `sandbox: true`.
 * renderer: the React app, served by the kiosk window's protocol and by the station.
 */
export default defineConfig({
  main: {
    resolve: { alias },
    define,
    build: {
      // chinese-days ships CommonJS for Node without named exports: bundled from its ES build instead.
      externalizeDeps: { exclude: ['chinese-days'] },
      rolldownOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          station: resolve(root, 'electron/station/main.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    publicDir: resolve(root, 'resources/renderer'),
    resolve: { alias },
    define,
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      chunkSizeWarningLimit: 2048,
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});

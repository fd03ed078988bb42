import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * The packaging, as far as it can be checked without the Electron runtime: electron-builder's
 * configuration, the icon, and that everything the main process loads at run time is packaged.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const pkg = z
  .object({ name: z.string(), productName: z.string(), main: z.string(), dependencies: z.record(z.string(), z.string()), devDependencies: z.record(z.string(), z.string()), scripts: z.record(z.string(), z.string()) })
  .parse(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')));

const target = z.union([z.string(), z.object({ target: z.string(), arch: z.array(z.string()).optional() })]);
const builder = z
  .object({
    appId: z.string(),
    productName: z.string(),
    directories: z.object({ output: z.string(), buildResources: z.string() }),
    files: z.array(z.string()),
    asarUnpack: z.array(z.string()),
    npmRebuild: z.boolean(),
    extraMetadata: z.object({ main: z.string() }),
    icon: z.string(),
    win: z.object({ target: z.array(target) }),
    nsis: z.object({ oneClick: z.boolean(), perMachine: z.boolean(), createDesktopShortcut: z.union([z.boolean(), z.string()]) }),
    linux: z.object({ target: z.array(target), category: z.string(), executableName: z.string() }),
  })
  .parse(parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')));

const targetNames = (targets: ReadonlyArray<z.output<typeof target>>) => targets.map((entry) => (typeof entry === 'string' ? entry : entry.target));

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The packages a file imports at run time (type-only imports are erased by the build). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^import (?!type )[^;]*? from '([^'.][^']*)';/gms)].map((match) => match[1] ?? '').filter((name) => !name.startsWith('@shared/'));
}

const packageOf = (specifier: string) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? specifier));

describe('the installers', () => {
  it('are a Windows installer (NSIS, x64) and a Linux AppImage and deb, named and iconed as ParkDesk', () => {
    expect(builder.productName).toBe('ParkDesk');
    expect(pkg.productName).toBe('ParkDesk');
    expect(builder.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(targetNames(builder.win.target)).toEqual(['nsis']);
    expect(builder.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(targetNames(builder.linux.target).sort()).toEqual(['AppImage', 'deb']);
    expect(builder.linux.executableName).toBe('parkdesk');
    // A counter PC is installed once for every user, by someone who may pick the folder.
    expect(builder.nsis).toMatchObject({ oneClick: false, perMachine: true });
    // electron-builder needs at least 256x256 for the Windows icon.
    const icon = pngSize(join(ROOT, builder.icon));
    expect(icon.width).toBeGreaterThanOrEqual(256);
    expect(icon.height).toBe(icon.width);
  });

  it('package the built app and its native module rebuilt for Electron, not the sources or a dev server', () => {
    expect(builder.files).toContain('out/**');
    expect(builder.files.some((pattern) => /^(electron|renderer|shared|tests)\//.test(pattern))).toBe(false);
    expect(builder.extraMetadata.main).toBe(pkg.main);
    expect(pkg.main).toBe('out/main/index.js');
    // better-sqlite3 is rebuilt for Electron's ABI and kept outside the asar archive.
    expect(builder.npmRebuild).toBe(true);
    expect(builder.asarUnpack).toContain('**/*.node');
    expect(pkg.dependencies['better-sqlite3']).toMatch(/^\^12\./);
    expect(pkg.scripts.dist).toMatch(/electron-vite build && electron-builder/);
  });

  it('carry every file of resources/ the main process loads at run time (build resources are not packed unless listed)', () => {
    const used = new Set(sources(join(ROOT, 'electron')).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/['"`](?:\.\.\/)+(resources\/[\w./-]+?)(?:\?asset)?['"`]/g)].map((match) => match[1] ?? '')));
    expect(used).toContain('resources/icon.png');
    for (const file of used) expect(builder.files, `${file} is loaded at run time`).toContain(file);
  });

  it('carry every package the main process and the station load at run time', () => {
    const builtins = new Set(builtinModules);
    const needed = new Set(
      [...sources(join(ROOT, 'electron')), ...sources(join(ROOT, 'shared'))]
        .flatMap(runtimeImports)
        .map(packageOf)
        .filter((name) => !name.startsWith('node:') && !builtins.has(name) && name !== 'electron'),
    );
    expect(needed.size).toBeGreaterThan(5);
    for (const name of needed) expect(pkg.dependencies, `${name} must be a dependency to be packaged`).toHaveProperty([name]);
    // Electron itself is provided by electron-builder, never packaged as a dependency.
    expect(pkg.dependencies).not.toHaveProperty(['electron']);
    expect(pkg.devDependencies).toHaveProperty(['electron']);
  });
});

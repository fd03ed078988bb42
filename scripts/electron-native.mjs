#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into .electron-native/, beside the Node build in
// node_modules that the tests and the station use, so neither has to be rebuilt back and forth.
// The Electron main process loads it through better-sqlite3's `nativeBinding` option.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, '.electron-native');
const target = join(outDir, 'better_sqlite3.node');
const stamp = join(outDir, 'built-for.json');
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const sqliteVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')).version;
const wanted = { electron: electronVersion, betterSqlite3: sqliteVersion };

if (existsSync(target) && existsSync(stamp) && readFileSync(stamp, 'utf8') === JSON.stringify(wanted)) process.exit(0);

console.log(`ParkDesk: building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (once)…`);
const work = join(outDir, 'src');
rmSync(work, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
cpSync(join(root, 'node_modules', 'better-sqlite3'), work, { recursive: true, filter: (path) => !path.includes(`${join('build', 'Release')}`) });
const nodeGyp = process.env.npm_config_node_gyp;
const [command, args] = nodeGyp ? [process.execPath, [nodeGyp]] : ['npx', ['--yes', 'node-gyp']];
const result = spawnSync(
  command,
  [...args, 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'],
  { cwd: work, stdio: 'inherit', shell: process.platform === 'win32' },
);
if (result.status !== 0) {
  console.error('ParkDesk: could not build better-sqlite3 for Electron (the Electron headers are downloaded from electronjs.org).');
  process.exit(result.status ?? 1);
}
cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
writeFileSync(stamp, JSON.stringify(wanted));
rmSync(work, { recursive: true, force: true });

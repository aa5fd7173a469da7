/**
 * `npm run zip`: packs the built `dist/` into `waymark-<version>.zip`, ready for a store upload or for
 * force-installing by policy; `npm run zip:firefox` packs `dist-firefox/` into `waymark-<version>-firefox.zip`
 * (an .xpi for addons.mozilla.org signing or a self-distributed install). Uses the system `zip` when present, otherwise writes a stored (uncompressed)
 * archive itself, so it works on a bare machine.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { crc32 } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..');
const dir = process.argv[2] ?? 'dist';
const DIST = join(ROOT, dir);
const { version } = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as { version: string };
const out = join(ROOT, `waymark-${version}${dir === 'dist-firefox' ? '-firefox' : ''}.zip`);

function* walk(dir: string): Generator<string> {
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) {
      if (e !== '.vite') yield* walk(p);
    } else yield p;
  }
}

const files = [...walk(DIST)];
const hasZip = spawnSync('zip', ['-v'], { stdio: 'ignore' }).status === 0;
if (hasZip) {
  const r = spawnSync('zip', ['-q', '-X', '-9', out, ...files.map((f) => relative(DIST, f))], { cwd: DIST, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
} else {
  // A minimal ZIP writer (stored entries): local headers, central directory, end record.
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(relative(DIST, f).split('\\').join('/'));
    const data = readFileSync(f);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(out, Buffer.concat([...locals, cd, end]));
}
console.log(`zip: ${relative(ROOT, out)} (${files.length} files, ${statSync(out).size} bytes)`);

import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, expect, test, vi } from 'vitest';
import { freshOutDir } from '../../src/integrations/fresh-out-dir.ts';

type Hook = (options: unknown) => Promise<void> | void;

let parent = '';
afterEach(() => rmSync(parent, { recursive: true, force: true }));

/** Runs the integration's hooks around `render`, the build's own writing, on an output folder `dist`. */
async function build(render: (outDir: string) => void) {
  const { hooks } = freshOutDir();
  const outDir = join(parent, 'dist');
  const warn = vi.fn();
  await (hooks['astro:config:done'] as Hook)({ config: { outDir: pathToFileURL(`${outDir}/`) } });
  await (hooks['astro:build:start'] as Hook)({});
  render(outDir);
  await (hooks['astro:build:done'] as Hook)({ logger: { warn } });
  return { outDir, warn };
}

test('a rebuild starts from an empty folder and leaves nothing of the old one behind', async () => {
  parent = mkdtempSync(join(tmpdir(), 'fresh-out-dir-'));
  mkdirSync(join(parent, 'dist/quotes/removed'), { recursive: true });
  writeFileSync(join(parent, 'dist/quotes/removed/index.html'), 'a quote since deleted from the profile');
  // An interrupted build's old folder is deleted by the next build.
  mkdirSync(join(parent, '.dist.old-1-2/quotes'), { recursive: true });
  let seen: string[] = ['not rendered'];
  const { outDir, warn } = await build((outDir) => {
    seen = existsSync(outDir) ? readdirSync(outDir) : [];
    mkdirSync(join(outDir, 'quotes/kept'), { recursive: true });
    writeFileSync(join(outDir, 'quotes/kept/index.html'), 'new');
  });
  expect(seen).toEqual([]);
  expect(readdirSync(join(outDir, 'quotes'))).toEqual(['kept']);
  expect(readdirSync(parent)).toEqual(['dist']);
  expect(warn).not.toHaveBeenCalled();
});

test('a first build, with no old folder, builds as usual', async () => {
  parent = mkdtempSync(join(tmpdir(), 'fresh-out-dir-'));
  const { outDir, warn } = await build((outDir) => mkdirSync(outDir));
  expect(readdirSync(parent)).toEqual(['dist']);
  expect(readdirSync(outDir)).toEqual([]);
  expect(warn).not.toHaveBeenCalled();
});

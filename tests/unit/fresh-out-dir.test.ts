import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, expect, test, vi } from 'vitest';
import { freshOutDir } from '../../src/integrations/fresh-out-dir.ts';

type Hook = (options: unknown) => Promise<void> | void;

let parent = '';
afterEach(() => rmSync(parent, { recursive: true, force: true }));

/** Runs the integration's hooks around `render`, the build's own writing, on an output folder `dist`. */
async function build(render: (outDir: string) => void, root = join(parent, 'project')) {
  const { hooks } = freshOutDir();
  const outDir = join(parent, 'dist');
  const warn = vi.fn();
  await (hooks['astro:config:done'] as Hook)({ config: { outDir: pathToFileURL(`${outDir}/`), root: pathToFileURL(`${root}/`) } });
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

test('an output folder that holds the project, or links elsewhere, is left to Astro', async () => {
  parent = mkdtempSync(join(tmpdir(), 'fresh-out-dir-'));
  // `--outDir ..` from the project: moving it aside would move the project itself.
  mkdirSync(join(parent, 'dist/project'), { recursive: true });
  await build(() => {}, join(parent, 'dist/project'));
  expect(readdirSync(parent)).toEqual(['dist']);
  expect(readdirSync(join(parent, 'dist'))).toEqual(['project']);
  rmSync(join(parent, 'dist'), { recursive: true });
  // A link to the served folder: Astro empties the folder it points at, as it always did.
  mkdirSync(join(parent, 'www'));
  symlinkSync(join(parent, 'www'), join(parent, 'dist'));
  await build(() => {});
  expect(lstatSync(join(parent, 'dist')).isSymbolicLink()).toBe(true);
  expect(readdirSync(parent).sort()).toEqual(['dist', 'www']);
});

test('only the old folders of this output are deleted, not others that look like them', async () => {
  parent = mkdtempSync(join(tmpdir(), 'fresh-out-dir-'));
  for (const name of ['dist', '.dist.old-notes', '.distx.old-1-2', 'dist.old-1-2']) mkdirSync(join(parent, name));
  await build((outDir) => mkdirSync(outDir));
  expect(readdirSync(parent).sort()).toEqual(['.dist.old-notes', '.distx.old-1-2', 'dist', 'dist.old-1-2']);
});

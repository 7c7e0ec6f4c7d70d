import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';

const parse = (file: string) => spawnSync(process.execPath, ['src/cli/parse.ts', file], { encoding: 'utf8' });

describe('the parse CLI', () => {
  test('prints the records as JSON and exits 0', () => {
    const run = parse('content/profiles/David Cramer.txt');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const records = JSON.parse(run.stdout);
    expect(records.profile).toMatchObject({ name: 'David Cramer', url: '/' });
    expect(records.quotes).toHaveLength(75);
    expect(records.quotes[0].person).toEqual({ name: 'David Cramer', slug: 'david-cramer', url: '/' });
  });

  test('a folder prints everyone, as the build reads it', () => {
    const run = parse('tests/fixtures/people');
    expect(run.status).toBe(0);
    const records = JSON.parse(run.stdout);
    expect(records.profile).toBeUndefined();
    expect(records.people.map((p: { name: string }) => p.name)).toEqual(['Ada Lovelace', 'Édith Piaf', 'Grace Hopper', 'Mary Somerville']);
    expect(records.quotes).toHaveLength(13 + 132);
  });

  test('warnings go to stderr as file:line and do not fail', () => {
    const run = parse('tests/fixtures/two-spellings.txt');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      'tests/fixtures/two-spellings.txt:5: warning: the source [Benjamin Franklin.] is also written [Benjamin Franklin] (line 4); both are one source: write it one way\n',
    );
    expect(JSON.parse(run.stdout).sources).toHaveLength(1);
  });

  test('prints every error with file and line on stderr, no stack trace, and exits 1', () => {
    const run = parse('tests/fixtures/malformed.txt');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines.slice(0, -1).map((l) => l.split(':').slice(0, 2).join(':'))).toEqual(
      [2, 6, 7, 8, 9, 10, 12, 15].map((n) => `tests/fixtures/malformed.txt:${n}`),
    );
    expect(lines.at(-1)).toBe('8 errors in tests/fixtures/malformed.txt');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('says so when the file cannot be read', () => {
    const run = parse('tests/fixtures/no-such-file.txt');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^tests\/fixtures\/no-such-file\.txt: cannot read the profile/);
  });
});

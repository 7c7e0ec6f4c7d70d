/**
 * The parser under attack: random and mutated profiles either give records that pass the schema
 * or errors with line numbers, and never anything else.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { findBulletStarts, parseProfile } from '../../src/lib/profile.ts';
import { ADA } from './helpers.ts';
import { RecordsSchema, SlugSchema, UrlSchema } from '../../src/lib/schema.ts';

const seed = readFileSync('content/profiles/David Cramer.txt', 'utf8');
const seedLines = seed.split('\n');

/** Holds for every input: records that pass the schema, or errors that each name a line of the input. */
function checkResult(input: string | Uint8Array) {
  const result = parseProfile(input, 'fuzz.txt', ADA);
  if (result.ok) {
    expect(RecordsSchema.safeParse(result.records).success).toBe(true);
    return;
  }
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  const lines = text.split(/\r\n|\r|\n/).length;
  expect(result.errors.length).toBeGreaterThan(0);
  for (const error of result.errors) {
    expect(error.file).toBe('fuzz.txt');
    expect(Number.isInteger(error.line) && error.line >= 1 && error.line <= lines).toBe(true);
    expect(error.message.length).toBeGreaterThan(0);
  }
}

// Pieces the format is made of, so random input often comes close to a real profile.
const piece = fc.oneof(
  fc.constantFrom('Part 1: ', 'Part 2: ', 'Part x: ', '- ', '* ', '+ ', '1. ', 'On ', ': ', ' — Source: [', ']', '"', '“', '”'),
  fc.constantFrom('\n', '\r\n', '\r', '\n\n', '  ', '\t', '\uFEFF', '> ', '```', '<div>', '#', '*a*', '[a](b)', '&amp;'),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);

test('random profiles give records or errors with line numbers, never a crash', () => {
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => checkResult(pieces.join(''))),
    { numRuns: 3000 },
  );
});

test('mutated seed profiles give records or errors with line numbers, never a crash', () => {
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: piece }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.nat({ max: 40 }) }),
  );
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => {
      let lines = [...seedLines];
      for (const m of mutations) {
        const i = m.at % lines.length;
        if (m.kind === 'delete-line') lines.splice(i, 1);
        else if (m.kind === 'duplicate-line') lines.splice(i, 0, lines[i]!);
        else {
          const text = lines.join('\n');
          const at = m.at % (text.length + 1);
          lines = (m.kind === 'insert' ? text.slice(0, at) + m.text + text.slice(at) : text.slice(0, at) + text.slice(at + m.length)).split('\n');
        }
        if (lines.length === 0) lines = [''];
      }
      checkResult(lines.join('\n'));
    }),
    { numRuns: 600 },
  );
}, 30_000);

test('random bytes give records or errors, never a crash', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => checkResult(bytes)),
    { numRuns: 2000 },
  );
});

test('lines a few megabytes long give records or errors, never a crash', () => {
  // Each ran a regular expression with a repeated group out of stack (4 million repeats is enough).
  const long = 4_000_000;
  checkResult(`Part 1: x\n- On ${'a '.repeat(long)}: b — Source: [s]\n`); // a slug 8 MB long
  checkResult(`Part 1: x\n- On a: b — Source: [${'s '.repeat(long)}]\n`);
  checkResult(`Part 1: x\n${'- '.repeat(long)}\n`); // a thematic break
  checkResult(`Part 1: x\n- On a: b — Source: [s]\n${'_ '.repeat(long)}\n`);
  // A slug or URL that long is an error in a profile (too long for a file name), but the schema
  // still checks it.
  expect(SlugSchema.safeParse(`${'a-'.repeat(long)}a`).success).toBe(true);
  expect(UrlSchema.safeParse(`/${'a/'.repeat(long)}`).success).toBe(true);
}, 30_000);

test('cutting the skeleton into pieces, and the shortcut for plain ones, find the same list items as remark on the whole', () => {
  /** Random lines of `alphabet`, up to 100, read in pieces of 20 lines or more (a build's are 500) and whole. */
  const agree = (alphabet: string[], examples: string[][] = []) =>
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 100, size: 'max' }), (lines) => {
        const whole = findBulletStarts(lines, 'whole');
        expect(findBulletStarts(lines, 20)).toEqual(whole);
        expect(findBulletStarts(lines)).toEqual(whole);
      }),
      { numRuns: 150, examples: examples.map((lines) => [lines]) },
    );
  const text = ['Part 1: Title', 'Some intro text.', '  indented text', '', '   ', '> a quote block', '---'];
  const indented = ['  - On d: two spaces — Source: [S]', '   * three spaces', '    - four spaces', '      + six spaces', '  2) numbered', '  - - -', '  - ', '\t* tabbed'];
  // Anything. The example: an indented bullet inside the item before it is no place to cut, as
  // the empty bullet after it (which ends no paragraph) belongs to that item's list.
  const nested = [...Array<string>(20).fill('- On a: x — Source: [S]'), '   * three spaces', '  - - -', '  indented text', '-'];
  agree([...text, ...indented, '- On a: x — Source: [S]', '* On b', '+ On c', ' - one space', '1. a numbered line', '-', '- - -'], [nested]);
  // Only indented bullets, cut where the least indented ones stand: two spaces or more, four or
  // more, tabs.
  agree([...text, ...indented]);
  const deep = ['    - four spaces', '     * five spaces', '      + six spaces', '    1. numbered', '    -', '\t- a tab', ' \t- a space and a tab', '\t  - a tab and two spaces'];
  agree([...text, ...deep]);
  agree([...text, '\t- a tab', '\t\t- two tabs', '\t1) numbered', '\t- ', '    - four spaces']);
  // Only plain lines, where the shortcut answers on its own.
  agree(['- On a: x — Source: [S]', '* b', 'text', '  more text', 'Part 2: T', '']);
  agree(['  - On a: x — Source: [S]', '  * b', '   + c', 'text', '  more text', 'Part 2: T', '']);
}, 30_000);

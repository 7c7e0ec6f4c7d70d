import { describe, expect, test } from 'vitest';
import { formatProfileError, parseProfile, type ParseResult } from '../../src/lib/profile.ts';
import { ADA } from './helpers.ts';
import type { Records } from '../../src/lib/schema.ts';

const FILE = 'content/profiles/David Cramer.txt';

function records(text: string | Uint8Array): Records {
  const result = parseProfile(text, FILE, ADA);
  if (!result.ok) throw new Error(`expected records, got:\n${result.errors.map(formatProfileError).join('\n')}`);
  return result.records;
}

function errors(text: string | Uint8Array): string[] {
  const result: ParseResult = parseProfile(text, FILE, ADA);
  if (result.ok) throw new Error('expected errors, got records');
  return result.errors.map(formatProfileError);
}

/** A profile with an intro and one part around the given lines. */
const inPart = (...lines: string[]) => ['Intro.', '', 'Part 1: One', ...lines].join('\n');

describe('quote bullets', () => {
  test.each([
    {
      rule: 'the basic form',
      line: '- On speed: Fast wins. — Source: [Blog]',
      quote: { topic: 'speed', text: 'Fast wins.', kind: 'paraphrase', source: { name: 'Blog', slug: 'blog' } },
    },
    {
      rule: 'straight double quotes make a direct quote, stored without them',
      line: '- On speed: "Fast wins." — Source: [Blog]',
      quote: { text: 'Fast wins.', kind: 'direct' },
    },
    {
      rule: 'curly double quotes make a direct quote',
      line: '- On speed: “Fast wins.” — Source: [Blog]',
      quote: { text: 'Fast wins.', kind: 'direct' },
    },
    {
      rule: 'a quote mark at one end only is a paraphrase, kept as written',
      line: '- On speed: "Fast" wins. — Source: [Blog]',
      quote: { text: '"Fast" wins.', kind: 'paraphrase' },
    },
    {
      rule: 'single quotes do not make a direct quote',
      line: "- On speed: 'Fast wins.' — Source: [Blog]",
      quote: { text: "'Fast wins.'", kind: 'paraphrase' },
    },
    {
      rule: 'the topic ends at the first ": ", the text may hold more',
      line: '- On time: Rule: ship at 10:30 — Source: [Blog]',
      quote: { topic: 'time', text: 'Rule: ship at 10:30' },
    },
    {
      rule: 'a colon without a space stays in the topic',
      line: '- On 10:30 meetings: Skip them. — Source: [Blog]',
      quote: { topic: '10:30 meetings', id: '10-30-meetings' },
    },
    {
      rule: 'em dashes and brackets inside the text; the source follows the LAST marker',
      line: '- On x: a—b [and] c — Source: [fake] — Source: [Real]',
      quote: { text: 'a—b [and] c — Source: [fake]', source: { name: 'Real', slug: 'real' } },
    },
    {
      rule: 'brackets inside the source name',
      line: '- On x: y — Source: [Talk [video]]',
      quote: { source: { name: 'Talk [video]', slug: 'talk-video' } },
    },
    {
      rule: 'markup and entities stay as written, never decoded',
      line: '- On <b>html</b>: Use &amp; and *stars* and `code` — Source: [A &lt; B]',
      quote: { topic: '<b>html</b>', text: 'Use &amp; and *stars* and `code`', source: { name: 'A &lt; B', slug: 'a-lt-b' } },
    },
    {
      rule: 'backslashes are not escapes',
      line: '- On paths: C:\\temp\\* is \\_fine\\_ — Source: [Blog]',
      quote: { text: 'C:\\temp\\* is \\_fine\\_' },
    },
    {
      rule: 'a * bullet',
      line: '* On speed: Fast. — Source: [Blog]',
      quote: { topic: 'speed', text: 'Fast.' },
    },
    {
      rule: 'a + bullet',
      line: '+ On speed: Fast. — Source: [Blog]',
      quote: { topic: 'speed', text: 'Fast.' },
    },
    {
      rule: 'extra spaces around the parts are trimmed',
      line: '-   On  speed :   Fast.   — Source: [  Blog  ]   ',
      quote: { topic: 'speed', text: 'Fast.', source: { name: 'Blog', slug: 'blog' } },
    },
    {
      rule: 'white space inside a direct quote is trimmed too',
      line: '- On speed: " Fast. " — Source: [Blog]',
      quote: { text: 'Fast.', kind: 'direct' },
    },
  ])('$rule', ({ line, quote }) => {
    expect(records(inPart(line)).quotes[0]).toMatchObject(quote);
  });

  test('a quote records its part, URL and line', () => {
    expect(records(inPart('- On speed: Fast. — Source: [Blog]')).quotes[0]).toEqual({
      id: 'speed',
      topic: 'speed',
      text: 'Fast.',
      kind: 'paraphrase',
      part: { number: 1, title: 'One', slug: 'one', url: '/parts/one/' },
      source: { name: 'Blog', slug: 'blog', url: '/sources/blog/' },
      person: ADA,
      url: '/quotes/speed/',
      line: 4,
    });
  });

  test('URLs hang from the person: a site of several puts them under the person’s slug', () => {
    const grace = { name: 'Grace Hopper', slug: 'grace-hopper', url: '/grace-hopper/' };
    const result = parseProfile(inPart('- On speed: Fast. — Source: [Blog]'), FILE, grace);
    expect(result.ok && result.records.quotes[0]).toMatchObject({
      url: '/grace-hopper/quotes/speed/',
      part: { url: '/grace-hopper/parts/one/' },
      source: { url: '/grace-hopper/sources/blog/' },
      person: grace,
    });
    expect(result.ok && result.records.profile).toEqual({ ...grace, intro: 'Intro.' });
  });
});

describe('profile structure', () => {
  test('intro, parts in profile order (not number order), sources by first appearance, counts', () => {
    const r = records(
      [
        'First paragraph of the intro.',
        '',
        'Second paragraph.',
        'Part 2: Later & Greater',
        '- On a: x — Source: [Zeta]',
        '- On b: x — Source: [Alpha]',
        'Part 1: Earlier',
        '- On c: x — Source: [Alpha]',
      ].join('\n'),
    );
    expect(r.profile).toEqual({ ...ADA, intro: 'First paragraph of the intro.\n\nSecond paragraph.' });
    expect(r.parts).toEqual([
      { number: 2, title: 'Later & Greater', slug: 'later-greater', url: '/parts/later-greater/', quoteCount: 2, person: ADA },
      { number: 1, title: 'Earlier', slug: 'earlier', url: '/parts/earlier/', quoteCount: 1, person: ADA },
    ]);
    expect(r.sources).toEqual([
      { name: 'Zeta', slug: 'zeta', url: '/sources/zeta/', quoteCount: 1, person: ADA },
      { name: 'Alpha', slug: 'alpha', url: '/sources/alpha/', quoteCount: 2, person: ADA },
    ]);
    expect(r.quotes.map((q) => [q.id, q.part.number, q.line])).toEqual([
      ['a', 2, 5],
      ['b', 2, 6],
      ['c', 1, 8],
    ]);
  });

  test('no intro at all is fine', () => {
    expect(records('Part 1: One\n- On a: x — Source: [S]').profile.intro).toBe('');
  });

  test('an intro line that starts like a heading is intro text', () => {
    expect(records('Part time: he never worked part time.\nPart 1: One\n- On a: x — Source: [S]').profile.intro).toBe(
      'Part time: he never worked part time.',
    );
  });

  test('a numbered list in the intro is intro text', () => {
    expect(records('Three things:\n\n1. one\n2. two\n\nPart 1: One\n- On a: x — Source: [S]').profile.intro).toBe(
      'Three things:\n\n1. one\n2. two',
    );
  });

  test.each([
    { quirk: 'a byte-order mark', text: '\uFEFFIntro\nPart 1: One\n- On a: x — Source: [S]' },
    { quirk: 'CRLF line endings', text: 'Intro\r\nPart 1: One\r\n- On a: x — Source: [S]\r\n' },
    { quirk: 'CR line endings', text: 'Intro\rPart 1: One\r- On a: x — Source: [S]\r' },
    { quirk: 'trailing spaces', text: 'Intro  \nPart 1: One   \n- On a: x — Source: [S]   \n' },
    { quirk: 'extra blank lines', text: '\n\nIntro\n\n\n\nPart 1: One\n\n\n- On a: x — Source: [S]\n\n\n' },
    { quirk: 'no final newline', text: 'Intro\nPart 1: One\n- On a: x — Source: [S]' },
    { quirk: 'BOM and CRLF as bytes', text: new TextEncoder().encode('\uFEFFIntro\r\nPart 1: One\r\n- On a: x — Source: [S]') },
  ])('tolerates $quirk', ({ text }) => {
    const r = records(text);
    expect(r.profile.intro).toBe('Intro');
    expect(r.parts).toMatchObject([{ number: 1, title: 'One' }]);
    expect(r.quotes).toMatchObject([{ topic: 'a', text: 'x', source: { name: 'S' } }]);
  });

  test.each([
    { endings: 'LF', eol: '\n' },
    { endings: 'CRLF', eol: '\r\n' },
    { endings: 'CR', eol: '\r' },
  ])('line numbers count $endings endings, and a BOM is not a line', ({ eol }) => {
    const text = ['\uFEFFIntro', '', 'Part 1: One', '', '- On a: x — Source: [S]', '- On b: y — Source: [S]'].join(eol);
    expect(records(text).quotes.map((q) => q.line)).toEqual([5, 6]);
  });
});

describe('errors name the file, the line and the offending text', () => {
  test.each([
    {
      rule: 'an empty file',
      text: '',
      errors: [`${FILE}:1: the profile is empty`],
    },
    {
      rule: 'a file of blank lines and a BOM',
      text: '\uFEFF\n  \n\n',
      errors: [`${FILE}:1: the profile is empty`],
    },
    {
      rule: 'an intro without any part',
      text: 'Just an intro.\n',
      errors: [`${FILE}:1: no quotes found: the profile needs a \`Part N: Title\` heading followed by quote bullets`],
    },
    {
      rule: 'a bullet before any part',
      text: 'Intro\n- On a: x — Source: [S]\nPart 1: One\n- On b: x — Source: [S]',
      errors: [`${FILE}:2: a quote before the first \`Part N: Title\` heading: - On a: x — Source: [S]`],
    },
    {
      rule: 'a duplicate part number, on the later heading',
      text: 'Part 1: One\n- On a: x — Source: [S]\nPart 1: Again\n- On b: x — Source: [S]',
      errors: [`${FILE}:3: part 1 already appears on line 1: Part 1: Again`],
    },
    {
      rule: 'a part with no quotes, on its heading',
      text: 'Part 1: One\n\nPart 2: Two\n- On b: x — Source: [S]',
      errors: [`${FILE}:1: this part has no quotes: Part 1: One`],
    },
    {
      rule: 'a part number that is not a whole number',
      text: inPart('- On a: x — Source: [S]', 'Part two: Two', '- On b: x — Source: [S]'),
      errors: [`${FILE}:5: a part number must be a whole number: Part two: Two`],
    },
    {
      rule: 'a part heading without a title',
      text: inPart('- On a: x — Source: [S]', 'Part 2:'),
      errors: [`${FILE}:5: a part heading needs a title after \`Part N: \`: Part 2:`],
    },
    {
      rule: 'a stray paragraph inside a part',
      text: inPart('- On a: x — Source: [S]', '', 'He also said many things.'),
      errors: [`${FILE}:6: unexpected text inside a part, expected a quote bullet: He also said many things.`],
    },
    {
      rule: 'a stray line right under a bullet (a Markdown lazy continuation)',
      text: inPart('- On a: x — Source: [S]', 'and more'),
      errors: [`${FILE}:5: unexpected text inside a part, expected a quote bullet: and more`],
    },
    {
      rule: 'a bullet without a space after the dash',
      text: inPart('-On a: x — Source: [S]'),
      errors: [
        `${FILE}:4: unexpected text inside a part, expected a quote bullet (a bullet needs a space after its marker): -On a: x — Source: [S]`,
      ],
    },
    {
      rule: 'a numbered bullet',
      text: inPart('1. On a: x — Source: [S]'),
      errors: [`${FILE}:4: a quote bullet starts with -, * or +, not a number: 1. On a: x — Source: [S]`],
    },
    {
      rule: 'a missing source',
      text: inPart('- On a: x'),
      errors: [`${FILE}:4: missing \` — Source: [<source>]\` at the end of the quote: - On a: x`],
    },
    {
      rule: 'a source marked with hyphens instead of an em dash',
      text: inPart('- On a: x -- Source: [S]'),
      errors: [`${FILE}:4: write the source as \` — Source: [name]\` (space, em dash, space): - On a: x -- Source: [S]`],
    },
    {
      rule: 'an empty source',
      text: inPart('- On a: x — Source: [ ]'),
      errors: [`${FILE}:4: the source is empty: - On a: x — Source: [ ]`],
    },
    {
      rule: 'an unclosed source',
      text: inPart('- On a: x — Source: [S'),
      errors: [`${FILE}:4: the source has no closing \`]\` at the end of the line: - On a: x — Source: [S`],
    },
    {
      rule: 'a source without brackets',
      text: inPart('- On a: x — Source: S'),
      errors: [`${FILE}:4: the source must be in square brackets: - On a: x — Source: S`],
    },
    {
      rule: 'text after the source',
      text: inPart('- On a: x — Source: [S] (2020)'),
      errors: [`${FILE}:4: the source has no closing \`]\` at the end of the line: - On a: x — Source: [S] (2020)`],
    },
    {
      rule: 'a source that is two bracketed names',
      text: inPart('- On a: x — Source: [B] [C]'),
      errors: [`${FILE}:4: the source must be one bracketed name, like \`[Sentry Blog]\`: - On a: x — Source: [B] [C]`],
    },
    {
      rule: 'a part number too large to be exact',
      text: inPart('- On a: x — Source: [S]', 'Part 99999999999999999999: Big', '- On b: x — Source: [S]'),
      errors: [`${FILE}:5: the part number is too large: Part 99999999999999999999: Big`],
    },
    {
      rule: 'a bullet behind a non-breaking space',
      text: inPart('\u00A0- On a: x — Source: [S]'),
      errors: [
        `${FILE}:4: unexpected text inside a part, expected a quote bullet (the line starts with invisible white space, such as a non-breaking space): - On a: x — Source: [S]`,
      ],
    },
    {
      rule: 'invalid UTF-8 after CR line endings, on its own line',
      text: new Uint8Array([...new TextEncoder().encode('Intro\r\rPart 1: A\r- On x: '), 0xff, 0x0d]),
      errors: [`${FILE}:4: not valid UTF-8 text: save the file as UTF-8`],
    },
    {
      rule: 'a bullet without "On <topic>: "',
      text: inPart('- Speed matters — Source: [S]'),
      errors: [`${FILE}:4: a quote must start with \`On <topic>: \`: - Speed matters — Source: [S]`],
    },
    {
      rule: 'a topic without its colon',
      text: inPart('- On speed matters — Source: [S]'),
      errors: [`${FILE}:4: missing \`: \` after the topic: - On speed matters — Source: [S]`],
    },
    {
      rule: 'an empty topic',
      text: inPart('- On : x — Source: [S]'),
      errors: [`${FILE}:4: the topic is empty: - On : x — Source: [S]`],
    },
    {
      rule: 'an empty text',
      text: inPart('- On a: — Source: [S]'),
      errors: [`${FILE}:4: the quote text is empty: - On a: — Source: [S]`],
    },
    {
      rule: 'an empty direct quote',
      text: inPart('- On a: "" — Source: [S]'),
      errors: [`${FILE}:4: the quote text is empty: - On a: "" — Source: [S]`],
    },
    {
      rule: 'a long offending line is shortened',
      text: inPart(`- On a: ${'word '.repeat(30)}`),
      errors: [`${FILE}:4: missing \` — Source: [<source>]\` at the end of the quote: - On a: ${'word '.repeat(10).trim()}…`],
    },
    {
      rule: 'invalid UTF-8, on the line that holds it',
      text: new Uint8Array([...new TextEncoder().encode('Intro\nPart 1: One\n- On a: '), 0xff, 0xfe, 0x0a]),
      errors: [`${FILE}:3: not valid UTF-8 text: save the file as UTF-8`],
    },
  ])('$rule', ({ text, errors: expected }) => {
    expect(errors(text)).toEqual(expected);
  });

  test('every error in the file is reported at once, in line order', () => {
    const text = [
      '- On early: x — Source: [S]',
      'Part 1: One',
      '- On a: x — Source: []',
      'stray',
      '- On b: x',
      'Part 1: Again',
      'Part 2: Empty',
      'Part 3: Fine',
      '- On c: x — Source: [S]',
    ].join('\n');
    expect(errors(text).map((e) => e.split(':')[1])).toEqual(['1', '3', '4', '5', '6', '7']);
  });

  test('a topic, source or title too long for a URL (a slug over 240 characters) is an error on its line', () => {
    const long = 'ab '.repeat(80).trim(); // slug: 80 × "ab" and 79 hyphens, 239 characters
    const longer = `${long} c`; // 241
    expect(records(inPart(`- On ${long}: x — Source: [${long}]`)).quotes[0]!.id).toHaveLength(239);
    const text = [`Part 1: ${longer}`, `- On ${longer}: x — Source: [S]`, `- On a: x — Source: [${longer}]`, `Part 2: ${long}`, '- On b: y — Source: [S]'].join('\n');
    expect(errors(text).map((e) => e.replace(/: shorten it: .*$/, ''))).toEqual(
      ['title', 'topic', 'source'].map((what, i) => `${FILE}:${i + 1}: the ${what} is too long to be part of a URL (its slug has 241 characters, at most 240)`),
    );
    // NFKD can make a slug longer than its text: “ⅷ” gives “viii”.
    expect(errors(inPart(`- On ${'ⅷ'.repeat(61)}: x — Source: [S]`))[0]).toContain('its slug has 244 characters');
  });

  test('lists nested as deep as a line is long are an error, not a crash', () => {
    const result = parseProfile(`Part 1: One\n${'- '.repeat(100_000)}x\n`, FILE, ADA);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => e.line)).toEqual([2]);
  });

  test('an error line counts CRLF endings and ignores the BOM', () => {
    expect(errors('\uFEFFIntro\r\n\r\nPart 1: One\r\n- On a: x\r\n')).toEqual([
      `${FILE}:4: missing \` — Source: [<source>]\` at the end of the quote: - On a: x`,
    ]);
  });
});

describe('ids and slugs', () => {
  test.each([
    {
      rule: 'first of equal topics keeps the plain id, later ones get -2, -3',
      topics: ['speed', 'Speed', 'SPEED'],
      ids: ['speed', 'speed-2', 'speed-3'],
    },
    {
      rule: 'a suffix an earlier topic already gives is skipped',
      topics: ['speed-2', 'speed', 'speed'],
      ids: ['speed-2', 'speed', 'speed-3'],
    },
    {
      rule: 'adding a quote at the end never changes an earlier id',
      topics: ['speed', 'speed', 'speed 2'],
      ids: ['speed', 'speed-2', 'speed-2-2'],
    },
    {
      rule: 'a topic with no letters or digits becomes quote-<n>',
      topics: ['speed', '!!!', '—'],
      ids: ['speed', 'quote-2', 'quote-3'],
    },
    {
      rule: 'accents and apostrophes',
      topics: ['Simon Willison’s café', "don't panic"],
      ids: ['simon-willisons-cafe', 'dont-panic'],
    },
  ])('$rule', ({ topics, ids }) => {
    const text = inPart(...topics.map((t) => `- On ${t}: x — Source: [S]`));
    expect(records(text).quotes.map((q) => q.id)).toEqual(ids);
  });

  test('parts whose titles give the same slug get suffixes too', () => {
    const r = records('Part 1: Q&A\n- On a: x — Source: [S]\nPart 2: Q & A\n- On b: x — Source: [S]');
    expect(r.parts.map((p) => p.slug)).toEqual(['q-a', 'q-a-2']);
  });

  test('sources whose names give the same slug are one source, named by its first spelling', () => {
    const text = inPart(
      '- On a: x — Source: [Benjamin Franklin]',
      '- On b: x — Source: [CIO.com]',
      '- On c: x — Source: [Benjamin Franklin.]',
      '- On d: x — Source: [cio com]',
      '- On e: x — Source: [Benjamin Franklin]',
    );
    const result = parseProfile(text, FILE, ADA);
    if (!result.ok) throw new Error('expected records');
    const { sources, quotes } = result.records;
    expect(sources.map((s) => [s.name, s.slug, s.quoteCount])).toEqual([
      ['Benjamin Franklin', 'benjamin-franklin', 3],
      ['CIO.com', 'cio-com', 2],
    ]);
    // Each quote keeps its own spelling, and the shared page.
    expect(quotes.map((q) => [q.source.name, q.source.url])).toEqual([
      ['Benjamin Franklin', '/sources/benjamin-franklin/'],
      ['CIO.com', '/sources/cio-com/'],
      ['Benjamin Franklin.', '/sources/benjamin-franklin/'],
      ['cio com', '/sources/cio-com/'],
      ['Benjamin Franklin', '/sources/benjamin-franklin/'],
    ]);
    // The writer is told where the other spellings are, without failing the build.
    expect(result.warnings.map(formatProfileError)).toEqual([
      `${FILE}:6: warning: the source [Benjamin Franklin.] is also written [Benjamin Franklin] (line 4); both are one source: write it one way`,
      `${FILE}:7: warning: the source [cio com] is also written [CIO.com] (line 5); both are one source: write it one way`,
    ]);
  });

  test('a title or source with no letters or digits falls back to part-<number> and source-<n>', () => {
    const r = records('Part 7: ???\n- On a: x — Source: [S]\n- On b: x — Source: [!!]');
    expect(r.parts[0]!.slug).toBe('part-7');
    expect(r.sources.map((s) => s.slug)).toEqual(['s', 'source-2']);
  });
});

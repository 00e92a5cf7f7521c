// Reading time grows with the length of the text, not with its square, whatever its shape: one endless sentence
// of dates, an unclosed tag repeated, text without punctuation. Each shape is read at n and at 4n characters and
// the times compared (a ratio, so the test does not depend on the speed of the machine): linear time gives about 4,
// quadratic time 16.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestText } from '../src/events/index.ts';
import { MAX_SENTENCE_CHARS } from '../src/events/tokens.ts';

// Large enough that the tokens of both sizes outgrow the young generation of the garbage collector: below that, the
// smaller text is read at a speed the larger cannot reach, and the ratio says more about memory than about the reader.
const N = 256 * 1024;
/** Highest ratio of time(4n) to time(n) accepted: well above linear (4), well below quadratic (16). */
const MAX_RATIO = 6;

function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

const SHAPES: Record<string, (length: number) => string> = {
  'one sentence of date phrases': (n) => repeatTo('on Monday last week next Tuesday 3 March 2024 ', n),
  'an unclosed tag repeated': (n) => repeatTo('<a ', n),
  'news text without punctuation': (n) => repeatTo('Kazakhstan and France signed a deal on Tuesday Russia said it would halt gas exports to Germany ' +
    'from Friday and China invested in the railway while officials in Astana met their Uzbek counterparts on 3 March 2024 ', n),
};

/** CPU milliseconds of one reading (CPU time, not wall time, so that other work on the machine counts less). */
function cpuTime(text: string): number {
  const before = process.cpuUsage();
  ingestText(text, { published: '2024-01-01' });
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

for (const [shape, make] of Object.entries(SHAPES)) {
  test(`reading time grows linearly with the text: ${shape}`, (t) => {
    const small = make(N);
    const large = make(4 * N);
    cpuTime(small); // compile and warm up first
    // The fastest of a few runs, alternating sizes so that a busy moment weighs on both alike.
    let tSmall = Infinity;
    let tLarge = Infinity;
    for (let run = 0; run < 3; run++) {
      tSmall = Math.min(tSmall, cpuTime(small));
      tLarge = Math.min(tLarge, cpuTime(large));
    }
    const ratio = tLarge / Math.max(tSmall, 1);
    t.diagnostic(`${tSmall.toFixed(0)} ms at ${N} characters, ${tLarge.toFixed(0)} ms at ${4 * N}: ratio ${ratio.toFixed(1)}`);
    assert.ok(ratio < MAX_RATIO, `${shape}: ${tSmall.toFixed(0)} ms at ${N} characters, ${tLarge.toFixed(0)} ms at ${4 * N} (ratio ${ratio.toFixed(1)})`);
  });
}

// The tag check reads at most the first 200,000 characters, so a search that goes back over the text from every "<"
// costs the same at n and at 4n above that: at 50,000 repetitions (the case reported), the unclosed tag is compared
// with the same tokens, "<" and "a", set apart so that they open no tag.
test('an unclosed tag repeated costs no more to read than the same tokens that open no tag', () => {
  const tags = '<a '.repeat(50_000);
  const control = '< a '.repeat(50_000);
  cpuTime(tags);
  cpuTime(control);
  let tTags = Infinity;
  let tControl = Infinity;
  for (let run = 0; run < 3; run++) {
    tTags = Math.min(tTags, cpuTime(tags));
    tControl = Math.min(tControl, cpuTime(control));
  }
  assert.ok(tTags < 2 * Math.max(tControl, 1), `"<a " ${tTags.toFixed(0)} ms, "< a " ${tControl.toFixed(0)} ms`);
});

test('3.7 MB of date phrases in one run-on sentence is read, in sentences of at most MAX_SENTENCE_CHARS', () => {
  const text = 'on Monday last week next Tuesday 3 March 2024 '.repeat(80_000);
  const r = ingestText(text, { published: '2024-01-01' });
  assert.equal(r.article.characters, text.length);
  assert.ok(r.article.sentences >= text.length / MAX_SENTENCE_CHARS, `${r.article.sentences} sentences`);
  assert.deepEqual(r.warnings, []);
});

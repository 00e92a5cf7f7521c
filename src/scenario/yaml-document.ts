// The YAML step shared by scenario files and risk specs: binary data, syntax errors and shared values (anchors,
// aliases, merge keys) become `line: message` problems before either reader looks at the fields. Pure.
import { LineCounter, parseDocument, isScalar, visit, type Document, type YAMLError } from 'yaml';
import type { ScenarioProblem } from './scenario-types.ts';

/** The parsed document and its line counter, or (doc null) the problems that stop it from being read. */
export function readYamlDocument(text: string): { doc: Document | null; lineCounter: LineCounter; problems: ScenarioProblem[] } {
  const lineCounter = new LineCounter();
  if (isBinary(text)) return { doc: null, lineCounter, problems: [{ line: 1, message: 'expected a YAML text file, found binary data (a NUL byte or bytes that are not UTF-8 text)' }] };
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntax = yamlErrors(doc.errors, text, lineCounter);
  if (syntax.length) return { doc: null, lineCounter, problems: syntax };
  const shared = sharedValues(doc, lineCounter);
  return shared.length ? { doc: null, lineCounter, problems: shared } : { doc, lineCounter, problems: [] };
}

/** Text read from a binary file: a NUL byte, or the replacement character that undecodable bytes become. */
const isBinary = (text: string): boolean => /[\u0000\uFFFD]/.test(text);

/**
 * Anchors, aliases and merge keys (&a, *a, <<) are refused: each figure of a scenario is written where it applies,
 * so that every problem can name the line that sets it.
 */
function sharedValues(doc: Document, lineCounter: LineCounter): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const line = (node: { range?: [number, number, number] | null }) => (node.range ? lineCounter.linePos(node.range[0]).line : 1);
  visit(doc, {
    Alias: (_key, node) => { problems.push({ line: line(node), message: `the alias *${node.source} is not read in scenario files: write the value out where it applies (anchors and aliases are not supported)` }); },
    Pair: (_key, pair) => {
      if (isScalar(pair.key) && pair.key.value === '<<') problems.push({ line: line(pair.key), message: 'the merge key << is not read in scenario files: write the fields out in each change' });
    },
  });
  return problems.sort((a, b) => a.line - b.line);
}

/** A message quotes at most this much of YAML's own text. */
const LONGEST_MESSAGE = 200;

/** YAML syntax errors come first: nothing else can be read reliably until they are fixed. */
function yamlErrors(errors: readonly YAMLError[], text: string, lineCounter: LineCounter): ScenarioProblem[] {
  return errors.map((error) => {
    const at = error.pos?.[0];
    // An error found at the end of the text (an unclosed bracket) is reported on the last line that has text.
    const line = at === undefined ? 1 : lineCounter.linePos(Math.max(0, Math.min(at, text.trimEnd().length - 1))).line;
    const key = error.code === 'DUPLICATE_KEY' && at !== undefined ? /^[^:\n]*/.exec(text.slice(at))![0].trim() : '';
    const first = error.message.split('\n')[0];
    const message = first.length > LONGEST_MESSAGE ? `${first.slice(0, LONGEST_MESSAGE)}…` : first;
    return { line, message: `not valid YAML: ${message}${key ? ` (key "${key.slice(0, 60)}" appears twice)` : ''}` };
  });
}

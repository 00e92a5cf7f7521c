// Dataset validation: a valid fixture passes, and broken datasets (each with one fault) are
// rejected with the right file, row and column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDataset } from '../src/data/read.ts';
import { formatProblem } from '../src/data/problems.ts';
import { copyFixture, editFile, runCli } from './helpers.ts';

/** Replaces line `n` (1 = header) of a CSV text. */
function replaceLine(text: string, n: number, line: string): string {
  const lines = text.split('\n');
  lines[n - 1] = line;
  return lines.join('\n');
}

/** Replaces one cell (by column name) in line `n` of a CSV text without quoted fields. */
function setCell(text: string, n: number, column: string, value: string): string {
  const lines = text.split('\n');
  const header = lines[0].split(',');
  const cells = lines[n - 1].split(',');
  cells[header.indexOf(column)] = value;
  lines[n - 1] = cells.join(',');
  return lines.join('\n');
}

function errorsOf(dir: string): string[] {
  return readDataset(dir).problems.errors.map(formatProblem);
}

test('the tiny fixture is valid', () => {
  const { problems, model } = readDataset(join(import.meta.dirname, 'fixtures', 'tiny'));
  assert.deepEqual(problems.errors, []);
  assert.equal(model.tables.flow.length, 5);
  assert.match(model.info.hash, /^[0-9a-f]{16}$/);
});

interface Fault {
  name: string;
  break: (dir: string) => void;
  /** The `file:row:column` prefix the error must start with. */
  at: string;
  /** What the message must say. */
  says: RegExp;
}

const FAULTS: Fault[] = [
  { name: 'negative volume', at: 'flows.csv:2:volume', says: /expected a number ≥ 0, found "-6"/,
    break: (d) => editFile(d, 'flows.csv', (t) => setCell(t, 2, 'volume', '-6')) },
  { name: 'negative capacity', at: 'routes.csv:2:capacity', says: /≥ 0, found "-60"/,
    break: (d) => editFile(d, 'routes.csv', (t) => setCell(t, 2, 'capacity', '-60')) },
  { name: 'unknown country in a flow', at: 'flows.csv:2:exporter', says: /unknown "XYZ"/,
    break: (d) => editFile(d, 'flows.csv', (t) => setCell(t, 2, 'exporter', 'XYZ')) },
  { name: 'legs that do not join', at: 'legs.csv:5:from', says: /start where leg 1 ends \("caspian_mid"\), found "baku"/,
    break: (d) => editFile(d, 'legs.csv', (t) => setCell(t, 5, 'from', 'baku')) },
  { name: 'flow on a route of another commodity', at: 'flows.csv:7:route', says: /carries uranium, found "cpc" which carries crude_oil/,
    break: (d) => {
      appendFileSync(join(d, 'commodities.csv'), 'uranium,Uranium,energy,tU/yr,tU/yr,,,,false,hand,,\n');
      appendFileSync(join(d, 'flows.csv'), '2024,uranium,KAZ,FRA,cpc,100,tU/yr,hand,,\n');
    } },
  { name: 'unit not allowed for the commodity', at: 'flows.csv:2:unit', says: /allowed for crude_oil .*found "bcm\/yr"/,
    break: (d) => editFile(d, 'flows.csv', (t) => setCell(t, 2, 'unit', 'bcm/yr')) },
  { name: 'figure without a source', at: 'flows.csv:3:source', says: /source is required/,
    break: (d) => editFile(d, 'flows.csv', (t) => setCell(t, 3, 'source', '')) },
  { name: 'unknown source id', at: 'flows.csv:4:source', says: /unknown "nowhere"/,
    break: (d) => editFile(d, 'flows.csv', (t) => setCell(t, 4, 'source', 'nowhere')) },
  { name: 'missing required column', at: 'flows.csv:1:volume', says: /expected a column "volume"/,
    break: (d) => editFile(d, 'flows.csv', (t) => t.split('\n').map((l) => l.split(',').filter((_, i) => i !== 5).join(',')).join('\n')) },
  { name: 'row with too many fields', at: 'flows.csv:3', says: /expected 10 fields as in the header, found 11/,
    break: (d) => editFile(d, 'flows.csv', (t) => replaceLine(t, 3, '2024,crude_oil,KAZ,ITA,cpc,14,Mt/yr,hand,,,extra')) },
  { name: 'number with a decimal comma', at: 'flows.csv:2:volume', says: /expected a number .*found "6,5"/,
    break: (d) => editFile(d, 'flows.csv', (t) => replaceLine(t, 2, '2024,crude_oil,KAZ,FRA,cpc,"6,5",Mt/yr,hand,,')) },
  { name: 'malformed year', at: 'flows.csv:2:year', says: /four-digit year, found "20x4"/,
    break: (d) => editFile(d, 'flows.csv', (t) => setCell(t, 2, 'year', '20x4')) },
  { name: 'empty file', at: 'sources.csv', says: /found an empty file/,
    break: (d) => writeFileSync(join(d, 'sources.csv'), '') },
  { name: 'wrong encoding (Latin-1)', at: 'countries.csv', says: /expected UTF-8 text, found an invalid byte 0xfc/,
    break: (d) => writeFileSync(join(d, 'countries.csv'), Buffer.from('id,name,kind,region\nTUR,T\xfcrkiye,country,\n', 'latin1')) },
  { name: 'duplicate route id', at: 'routes.csv:3:id', says: /duplicate of line 2/,
    break: (d) => editFile(d, 'routes.csv', (t) => setCell(t, 3, 'id', 'cpc')) },
  { name: 'share above 1', at: 'crm_supply.csv:2:share', says: /≤ 1, found "1.2"/,
    break: (d) => writeFileSync(join(d, 'crm_supply.csv'), 'material,year,stage,scope,country,share,trade_parameter,source,estimated,note\ncrude_oil,2024,extraction,global,KAZ,1.2,,hand,,\n') },
  { name: 'shares adding up to more than 1', at: 'crm_supply.csv:2:share', says: /add up to at most 1, found 1.3000/,
    break: (d) => writeFileSync(join(d, 'crm_supply.csv'), 'material,year,stage,scope,country,share,trade_parameter,source,estimated,note\ncrude_oil,2024,extraction,global,KAZ,0.7,,hand,,\ncrude_oil,2024,extraction,global,RUS,0.6,,hand,,\n') },
  { name: 'country code that is not alpha-3', at: 'countries.csv:2:id', says: /alpha-3 .*found "KZ"/,
    break: (d) => editFile(d, 'countries.csv', (t) => setCell(t, 2, 'id', 'KZ')) },
  { name: 'estimated figure without a note', at: 'flows.csv:2:note', says: /note saying how/,
    break: (d) => editFile(d, 'flows.csv', (t) => setCell(t, 2, 'estimated', 'true')) },
  { name: 'unclosed quote', at: 'flows.csv:6', says: /quoted field is never closed/,
    break: (d) => editFile(d, 'flows.csv', (t) => replaceLine(t, 6, '2024,crude_oil,OTHER,FRA,,8,Mt/yr,hand,,"never closed')) },
  { name: 'datapackage.json that is not JSON', at: 'datapackage.json', says: /expected valid JSON/,
    break: (d) => writeFileSync(join(d, 'datapackage.json'), '{"name": "tiny",') },
  { name: 'route mode outside the list', at: 'routes.csv:2:mode', says: /one of pipeline, rail, sea/,
    break: (d) => editFile(d, 'routes.csv', (t) => setCell(t, 2, 'mode', 'teleport')) },
  { name: 'flow on a route that starts in another country', at: 'flows.csv:5:route', says: /starts in the exporter USA, found "cpc" which starts in KAZ/,
    break: (d) => editFile(d, 'flows.csv', (t) => setCell(t, 5, 'route', 'cpc')) },
  { name: 'latitude out of range', at: 'nodes.csv:2:lat', says: /≤ 90, found "95"/,
    break: (d) => editFile(d, 'nodes.csv', (t) => setCell(t, 2, 'lat', '95')) },
  { name: 'event date that does not exist', at: 'events.csv:2:date', says: /YYYY-MM-DD, found "2023-02-30"/,
    break: (d) => writeFileSync(join(d, 'events.csv'), 'id,date,actor,targets,type,tone,commodities,routes,summary,source,estimated,note\ne1,2023-02-30,FRA,KAZ,AGREE,6,,,Signed,hand,,\n') },
  { name: 'route with no legs', at: 'routes.csv:3:id', says: /at least one leg .* found none/,
    break: (d) => editFile(d, 'legs.csv', (t) => t.split('\n').filter((l) => !l.startsWith('aktau_btc')).join('\n')) },
  { name: 'missing required table', at: 'commodities.csv', says: /found no file/,
    break: (d) => rmSync(join(d, 'commodities.csv')) },
  { name: 'route cost without its unit', at: 'routes.csv:2:cost_unit', says: /expected the unit of cost 5 \(money per quantity, e\.g\. USD\/t.*found an empty cell/,
    break: (d) => editFile(d, 'routes.csv', (t) => setCell(t, 2, 'cost_unit', '')) },
  { name: 'route cost in a unit that does not convert for the commodity', at: 'routes.csv:3:cost_unit', says: /cannot convert Mt\/yr to TEU for crude_oil/,
    break: (d) => editFile(d, 'routes.csv', (t) => setCell(t, 3, 'cost_unit', 'USD/TEU')) },
  { name: 'route cost in a currency that is not known', at: 'routes.csv:2:cost_unit', says: /expected money per quantity like "USD\/t".*found "EUR\/t"/,
    break: (d) => editFile(d, 'routes.csv', (t) => setCell(t, 2, 'cost_unit', 'EUR/t')) },
];

for (const fault of FAULTS) {
  test(`rejects a broken dataset: ${fault.name}`, () => {
    const dir = copyFixture('tiny');
    fault.break(dir);
    const errors = errorsOf(dir);
    const match = errors.find((e) => e.startsWith(`${fault.at}:`) && fault.says.test(e));
    assert.ok(match, `expected an error at ${fault.at} saying ${fault.says}, got:\n${errors.join('\n')}`);
    rmSync(dir, { recursive: true, force: true });
  });
}

test('reports every error, not only the first', () => {
  const dir = copyFixture('tiny');
  FAULTS[0].break(dir); // flows.csv:2:volume
  FAULTS[1].break(dir); // routes.csv:2:capacity
  FAULTS[23].break(dir); // nodes.csv:2:lat
  const errors = errorsOf(dir);
  for (const at of ['flows.csv:2:volume', 'routes.csv:2:capacity', 'nodes.csv:2:lat']) {
    assert.ok(errors.some((e) => e.startsWith(at)), `missing ${at} in ${errors.join('\n')}`);
  }
});

test('corridor validate exits 1 and prints every error; exits 0 on a valid dataset', async () => {
  const dir = copyFixture('tiny');
  const ok = await runCli('validate', dir);
  assert.equal(ok.code, 0);
  assert.match(ok.stdout, /valid: 0 error\(s\)/);
  FAULTS[0].break(dir);
  FAULTS[3].break(dir);
  const bad = await runCli('validate', dir);
  assert.equal(bad.code, 1);
  assert.match(bad.stdout, /^flows\.csv:2:volume: expected a number ≥ 0/m);
  assert.match(bad.stdout, /INVALID: 2 error\(s\)/);
  const json = await runCli('validate', dir, '--json');
  const parsed = JSON.parse(json.stdout);
  assert.equal(parsed.valid, false);
  assert.equal(parsed.errors.length, 2);
});

test('a missing dataset folder is a one-line error with exit code 2', async () => {
  const result = await runCli('validate', '/nonexistent/corridor-dataset');
  assert.equal(result.code, 2);
  assert.match(result.stderr, /^corridor: dataset folder not found: \/nonexistent\/corridor-dataset\n$/);
});

test('quoted commas, CRLF line ends, a byte-order mark and an extra column are read correctly', () => {
  const dir = copyFixture('tiny');
  editFile(dir, 'flows.csv', (t) => '\ufeff' + replaceLine(t, 2, '2024,crude_oil,KAZ,FRA,cpc,6,Mt/yr,hand,,"Loaded at Novorossiysk, sold FOB"').replace(/\n/g, '\r\n'));
  editFile(dir, 'sources.csv', (t) => t.split('\n').map((l, i) => (l ? `${l},${i === 0 ? 'comment' : 'x'}` : l)).join('\n'));
  const { model, problems } = readDataset(dir);
  assert.deepEqual(problems.errors, []);
  assert.equal(model.tables.flow[0].note, 'Loaded at Novorossiysk, sold FOB');
  assert.equal(model.tables.flow[0].volume, 6);
  assert.ok(problems.warnings.some((w) => w.file === 'sources.csv' && w.column === 'comment' && /ignored/.test(w.message)));
});

test('binary data in a table is refused, not parsed', () => {
  const dir = copyFixture('tiny');
  writeFileSync(join(dir, 'flows.csv'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe]));
  const errors = errorsOf(dir);
  assert.ok(errors.some((e) => e.startsWith('flows.csv:') && /binary data/.test(e)), errors.join('\n'));
});

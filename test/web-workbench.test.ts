// The web workbench in a real browser (Debian's chromium via playwright-core) against `corridor serve`: EU27 and
// crude oil picked, the CPC route closed by hand, and the figures the page shows equal to `corridor scenario run
// --json` for the same change; accessibility (axe-core), console, keyboard, URL state, exports, saving through the
// API. Screenshots of each view go to test-output/web/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { runCli, scratchDir } from './helpers.ts';
import { launchChromium, ROOT, startServe, WEB_OUTPUT, type Served } from './web-helpers.ts';

let served: Served;
let browser: { context: BrowserContext; close: () => Promise<void> };
const problems: string[] = [];

before(async () => {
  served = await startServe();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  assert.equal(await served?.stop(), 0, 'serve stops cleanly on SIGTERM');
});

/** Collects the page's console errors and warnings and its uncaught errors (the last test asserts there are none). */
function watch(page: Page): void {
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
}

async function open(path = '/'): Promise<Page> {
  const page = await browser.context.newPage();
  watch(page);
  await page.goto(served.address + path);
  await page.waitForFunction(() => Number(document.body.dataset.updates) > 0, undefined, { timeout: 20_000 });
  return page;
}

const figure = (text: string | null): number => Number((text ?? '').replaceAll(',', '').trim());
const updates = (page: Page) => page.evaluate(() => Number(document.body.dataset.updates));
async function afterChange(page: Page, change: () => Promise<void>): Promise<void> {
  const before = await updates(page);
  await change();
  await page.waitForFunction((n) => Number(document.body.dataset.updates) > n, before, { timeout: 20_000 });
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
  const result = await page.evaluate(async () => (window as unknown as { axe: { run: (o?: unknown) => Promise<{ passes: unknown[]; violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run());
  assert.ok(result.passes.length > 10, 'axe-core ran its rules');
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes)`);
}

test('npm start\'s serve prints the address, the workbench link with a session token and a three-line baseline summary', () => {
  assert.match(served.address, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.match(served.link, /^http:\/\/127\.0\.0\.1:\d+\/#token=crd_[0-9a-f]{12}_/);
  // The summary's figures, worked out from flows.csv: EU27 crude 2024 sums to 455.0 Mt/yr; USA 70.0 / 455.0 = 15.4%.
  assert.equal(served.lines.length, 5, served.lines.join('\n'));
  assert.match(served.lines[2], /^EU27 crude oil 2024: 455\.0 Mt\/yr from 10 suppliers; top USA 15\.4%/);
  assert.match(served.lines[3], /^EU27 uranium 2022: /);
  assert.match(served.lines[4], /^KAZ crude oil exports /);
  // The page's working copy of the packaged dataset, made in this new store.
  assert.match(served.lines[1], / \(dataset "workbench" version 1: a copy of the packaged dataset made now; events accepted in the page are stored as its next versions\)$/);
});

test('EU27, crude oil, CPC closed by hand: the page shows the CLI\'s figures for the same scenario', { timeout: 60_000 }, async () => {
  const page = await open();
  // Pick the commodity and importer through the selects (another commodity first, so the choice is really made).
  await afterChange(page, async () => { await page.selectOption('#commodity', 'lng'); });
  await afterChange(page, async () => { await page.selectOption('#commodity', 'crude_oil'); });
  await page.selectOption('#importer', 'EU27');
  await page.click('#tab-dependence');
  await page.screenshot({ path: join(WEB_OUTPUT, 'dependence.png') });
  // Selecting Kazakhstan's flow to the EU highlights the states its routes cross (legs.csv: CPC runs KAZ → RUS), not the ends.
  await page.click('.supplier-buttons button:text-is("KAZ")');
  assert.match(await page.getAttribute('path[data-country=RUS]', 'class') ?? '', /\btransit\b/);
  assert.doesNotMatch(await page.getAttribute('path[data-country=KAZ]', 'class') ?? '', /\btransit\b/);
  assert.doesNotMatch(await page.getAttribute('path[data-country=FRA]', 'class') ?? '', /\btransit\b/);
  assert.match(page.url(), /flow=KAZ>EU27|flow=KAZ%3EEU27/);
  // A commodity picked opens on its latest year with flows and demand: crude oil, 2024.
  const year = Number(new URL(page.url()).searchParams.get('year'));
  assert.equal(year, 2024);
  // EU27's crude imports in 2024, summed by hand from flows.csv: 112.5 + 70 + 55 + 52.5 + 33.5 + 33 + 28.5 + 27 + 22.5 + 20.5 = 455.
  assert.equal(await page.textContent('[data-testid=dep-total]'), '455 Mt/yr');

  await page.click('#tab-whatif');
  await afterChange(page, () => page.uncheck('#open-cpc'));
  await page.waitForSelector('text=1 change(s)');
  await page.screenshot({ path: join(WEB_OUTPUT, 'whatif.png') });

  const dir = scratchDir('web-cpc');
  const file = join(dir, 'cpc.yaml');
  writeFileSync(file, `name: CPC closed\ncommodity: crude_oil\nyear: ${year}\nchanges:\n  - type: close_route\n    route: cpc\n`);
  const cli = await runCli('scenario', 'run', file, '--json');
  assert.equal(cli.code, 0, cli.stderr);
  const r = JSON.parse(cli.stdout) as { importers: { importer: string; servedScenario: number; unserved: number; worldMarket: number; costChange: number }[]; routes: { route: string; flowScenario: number }[]; solver: { objective: number; baselineObjective: number }; worldMarket: { premium: number } };
  const eu = r.importers.find((i) => i.importer === 'EU27')!;
  const row = page.locator('tr[data-importer=EU27]');
  assert.equal(figure(await row.locator('[data-field=received]').textContent()), Number(eu.servedScenario.toFixed(3)));
  assert.equal(figure(await row.locator('[data-field=unserved]').textContent()), Number(eu.unserved.toFixed(3)));
  assert.equal(figure(await row.locator('[data-field=cost]').textContent()), Number(eu.costChange.toFixed(3)));
  assert.ok(Math.abs(figure(await page.textContent('[data-testid=objective-change]')) - (r.solver.objective - r.solver.baselineObjective)) <= 5e-4);
  // By hand (2024): the CPC's 51.3 Mt at 38 USD/t stop; the Aktau berths' 7.5 Mt come by the Makhachkala tankers
  // (7.06 USD/t, cheaper than the BTC's 24); of the other 43.8 Mt, the EU draws what its oil stocks may release in a
  // year, 90 days × 455 / 365 × 0.088 = 9.8729 Mt (stocks are drawn once the price rises above refilling), and buys
  // 33.9271 Mt on the world market. World demand 102.8 mb/d = 102.8 × 365 / 7.3 = 5,140 Mt/yr, 4,685 of it outside the
  // network (5,140 − the EU's 455); slopes 0.11 × 5140 / 591.3 = 0.95620 and 0.13 × 4685 / 591.3 = 1.03002 Mt/yr per
  // USD/t; the price rises 33.9271 / 1.98622 = 17.0813 USD/t, on the 455 − 9.8729 = 445.1271 Mt the EU buys.
  // 7.5·7.06 − 51.3·38 + 445.1271·17.0813 = 52.95 − 1949.4 + 7603.3 = 5706.9.
  assert.ok(Math.abs(eu.worldMarket - 33.9271) < 1e-3, `world market ${eu.worldMarket}`);
  assert.ok(Math.abs(eu.costChange - 5706.9) < 0.1, `${eu.costChange} vs 5706.9`);
  // The map draws CPC closed; hovering a route shows its figure with unit and year and its source with its year.
  assert.equal(await page.getAttribute('path[data-route=cpc]', 'stroke'), '#c0392b');
  // The pointer on the middle of the route's line (where it is drawn, not the centre of its bounding box).
  const point = await page.evaluate(() => {
    const line = document.querySelector('path[data-route=druzhba_schwedt]') as SVGPathElement;
    const p = line.getPointAtLength(line.getTotalLength() / 2).matrixTransform(line.getScreenCTM()!);
    return { x: p.x, y: p.y };
  });
  await page.mouse.move(point.x, point.y);
  await page.waitForSelector('[role=tooltip]');
  const tip = await page.textContent('[role=tooltip]') ?? '';
  const druzhba = r.routes.find((x) => x.route === 'druzhba_schwedt')!;
  assert.ok(tip.includes(`flow ${druzhba.flowScenario} Mt/yr in ${year}`), tip);
  // routes.csv: druzhba_schwedt, capacity 1.2 Mt/yr (2024), its first source TASS (2024).
  assert.ok(tip.includes('capacity 1.2 Mt/yr (2024)') && tip.includes('(TASS, 2024)'), tip);
  // URL state: the closed route is in the address, and a new page from it shows the same what-if and figures.
  const link = page.url();
  assert.match(link, /close=cpc/);
  const again = await open(new URL(link).pathname + new URL(link).search);
  await again.waitForSelector('text=1 change(s)');
  assert.equal(await again.isChecked('#open-cpc'), false);
  assert.equal(figure(await again.locator('tr[data-importer=EU27] [data-field=cost]').textContent()), Number(eu.costChange.toFixed(3)));

  // Exports: the importers table as CSV, the map as SVG.
  const csv = await Promise.all([again.waitForEvent('download'), again.click('button[aria-label="Download the importers table as CSV"]')]);
  const csvText = readFileSync((await csv[0].path())!, 'utf8');
  assert.equal(csvText.split('\r\n')[0], 'importer,demand,received baseline,received,unserved,world market,cost change,marginal cost');
  const euLine = csvText.split('\r\n').find((l) => l.startsWith('EU27,'))!.split(',');
  assert.equal(Number(euLine[6]), eu.costChange);
  const svg = await Promise.all([again.waitForEvent('download'), again.click('button[aria-label="Download the map as SVG"]')]);
  const svgText = readFileSync((await svg[0].path())!, 'utf8');
  assert.match(svgText, /^<\?xml[^>]*>\n<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svgText, /data-route="cpc"[^>]*stroke="#c0392b"|stroke="#c0392b"[^>]*data-route="cpc"/);
  const png = await Promise.all([again.waitForEvent('download'), again.click('button[aria-label="Download the map as PNG"]')]);
  assert.deepEqual([...readFileSync((await png[0].path())!).subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
  await again.close();
  await page.close();
});

test('the Turkish Straits closed by hand: the page shows the CLI\'s figures for the same close_chokepoint, and the map marks it', { timeout: 60_000 }, async () => {
  const page = await open('/?view=whatif&importer=EU27&commodity=crude_oil&year=2024');
  await afterChange(page, () => page.check('#choke-turkish_straits'));
  await page.waitForSelector('text=1 change(s)');
  assert.match(await page.textContent('[data-testid=whatif-yaml]') ?? '', /- type: close_chokepoint\n {4}chokepoint: "turkish_straits"\n/);
  const file = join(scratchDir('web-straits'), 'straits.yaml');
  writeFileSync(file, 'name: Turkish Straits closed\ncommodity: crude_oil\nyear: 2024\nchanges:\n  - type: close_chokepoint\n    chokepoint: turkish_straits\n');
  const cli = await runCli('scenario', 'run', file, '--json');
  assert.equal(cli.code, 0, cli.stderr);
  const r = JSON.parse(cli.stdout) as { importers: { importer: string; servedScenario: number; unserved: number; costChange: number }[]; solver: { objective: number; baselineObjective: number }; worldMarket: { scenario: number } };
  for (const { importer } of r.importers) {
    const row = page.locator(`tr[data-importer=${importer}]`);
    const mine = r.importers.find((i) => i.importer === importer)!;
    assert.equal(figure(await row.locator('[data-field=received]').textContent()), Number(mine.servedScenario.toFixed(3)), importer);
    assert.equal(figure(await row.locator('[data-field=unserved]').textContent()), Number(mine.unserved.toFixed(3)), importer);
    assert.equal(figure(await row.locator('[data-field=cost]').textContent()), Number(mine.costChange.toFixed(3)), importer);
  }
  assert.ok(Math.abs(figure(await page.textContent('[data-testid=objective-change]')) - (r.solver.objective - r.solver.baselineObjective)) <= 5e-4);
  assert.equal(figure(await page.textContent('[data-testid=world-market]')), Number(r.worldMarket.scenario.toFixed(3)));
  // By hand (2024): every CPC cargo and the Makhachkala tankers pass the straits (sea_lanes.csv), so both stop for the
  // EU; the Aktau berths' 7.5 Mt now go by the BTC (24 USD/t) and the other 43.8 Mt of the CPC's 51.3 come from the
  // EU's oil stocks (9.8729 Mt) and the world market (33.9271 Mt), whose price rises 17.0813 USD/t on the 445.1271 Mt
  // the EU buys (worked out in the CPC test above): 7.5·24 − 51.3·38 + 445.1271·17.0813 = 180 − 1949.4 + 7603.3 = 5833.9.
  const eu = r.importers.find((i) => i.importer === 'EU27')!;
  assert.ok(Math.abs(eu.costChange - 5833.9) < 0.1, `${eu.costChange} vs 5833.9`);
  // The map: the straits marked closed, the lanes through them red, the Suez lanes not.
  assert.equal(await page.getAttribute('[data-chokepoint=turkish_straits]', 'data-closed'), 'true');
  assert.equal(await page.getAttribute('[data-chokepoint=suez]', 'data-closed'), 'false');
  // Red on the map means closed: the only red chokepoint is the one closed (other chokepoint nodes, e.g. Gibraltar, not).
  const red = await page.$$eval('path.chokepoint', (els) => els.filter((e) => e.getAttribute('fill') === '#c0392b').map((e) => e.getAttribute('data-chokepoint') ?? e.getAttribute('data-node')));
  assert.deepEqual(red, ['turkish_straits']);
  assert.equal(await page.getAttribute('path[data-lane=cpc_terminal_eu]', 'stroke'), '#c0392b');
  assert.equal(await page.getAttribute('path[data-lane=ceyhan_china_suez]', 'stroke'), '#2a7ab0');
  assert.match(page.url(), /choke=turkish_straits/);
  await page.screenshot({ path: join(WEB_OUTPUT, 'whatif-straits.png') });
  await page.close();
});

test('Bab el-Mandeb closed by hand for containers: the sea route through its node closes, figures as the CLI\'s', { timeout: 60_000 }, async () => {
  const page = await open('/?view=whatif&importer=EU27&commodity=containers&year=2023');
  await afterChange(page, () => page.check('#choke-bab_el_mandeb'));
  const file = join(scratchDir('web-bab'), 'bab.yaml');
  writeFileSync(file, 'name: Bab el-Mandeb closed\ncommodity: containers\nyear: 2023\nchanges:\n  - type: close_chokepoint\n    chokepoint: bab_el_mandeb\n');
  const cli = await runCli('scenario', 'run', file, '--json');
  assert.equal(cli.code, 0, cli.stderr);
  const r = JSON.parse(cli.stdout) as { importers: { importer: string; servedScenario: number; unserved: number; costChange: number }[]; routes: { route: string; flowScenario: number }[]; solver: { objective: number; baselineObjective: number } };
  const eu = r.importers.find((i) => i.importer === 'EU27')!;
  const row = page.locator('tr[data-importer=EU27]');
  assert.deepEqual(await Promise.all(['received', 'unserved', 'cost'].map(async (f) => figure(await row.locator(`[data-field=${f}]`).textContent()))),
    [eu.servedScenario, eu.unserved, eu.costChange].map((x) => Number(x.toFixed(3))));
  assert.ok(Math.abs(figure(await page.textContent('[data-testid=objective-change]')) - (r.solver.objective - r.solver.baselineObjective)) <= 5e-4);
  // legs.csv: the sea route Shanghai-Malacca-Suez-Rotterdam passes the Bab el-Mandeb node, so nothing moves on it.
  assert.equal(r.routes.find((x) => x.route === 'sea_suez')!.flowScenario, 0);
  assert.equal(await page.getAttribute('path[data-route=sea_suez]', 'stroke'), '#c0392b');
  await page.close();
});

test('the value chain: stage → stage Sankey in the Flows view and a chain stage in the dependence panel, as `corridor chain`', { timeout: 30_000 }, async () => {
  const page = await open('/?view=flows&importer=EU27&commodity=uranium&year=2022&chain=deliveries');
  await page.waitForSelector('[data-testid=chain-sankey] rect');
  const cli = await runCli('chain', '--commodity', 'uranium', '--importer', 'EU27', '--json');
  assert.equal(cli.code, 0, cli.stderr);
  const chain = JSON.parse(cli.stdout) as { stages: { stage: string; world: { hhi: number } | null; importer: { hhi: number; suppliers: { country: string; share: number }[] } | null }[] };
  // Deliveries to the EU by origin (stage_flows.csv): mining 2022 KAZ 26.82%, conversion 2021 RUS 25% and 75% not broken down.
  const labels = await page.locator('[data-testid=chain-sankey] g[data-node] text').allTextContents();
  assert.ok(labels.includes('KAZ 26.8%') && labels.includes('RUS 25.0%') && labels.includes('unknown 75.0%'), labels.join(' | '));
  assert.equal(chain.stages[1].importer!.suppliers[0].share, 0.25);
  await page.locator('[data-testid=chain-sankey]').screenshot({ path: join(WEB_OUTPUT, 'flows-chain.png') });
  assert.deepEqual(await axeViolations(page), [], 'axe-core on the value chain');
  // The choice of figures is kept in the address; the world's holders: mining 2024, KAZ 23,270 of 60,213 tU = 38.6%.
  assert.match(page.url(), /chain=deliveries/);
  // Figures up to 2021: the EU's mining deliveries of 2021 (stage_flows.csv: NER 24.26%, KAZ 22.99%, RUS 19.69%).
  await page.selectOption('#chain-year', '2021');
  await page.waitForSelector('[data-testid=chain-sankey] text:text-is("NER 24.3%")');
  assert.ok((await page.locator('[data-testid=chain-sankey] g[data-node] text').allTextContents()).includes('RUS 19.7%'));
  assert.match(page.url(), /chainyear=2021/);
  await page.selectOption('#chain-year', '');
  await page.check('#chain-world');
  await page.waitForSelector('[data-testid=chain-sankey] text:text-is("KAZ 38.6%")');
  assert.match(page.url(), /chain=world/);
  // The stage picker: enrichment, as `corridor chain`: world HHI of the 2015 capacities and the EU's deliveries' HHI.
  await page.click('#tab-dependence');
  await page.selectOption('#stage', 'enrichment');
  await page.waitForSelector('[data-testid=chain-stage]');
  const enrichment = chain.stages.find((s) => s.stage === 'enrichment')!;
  assert.equal(figure(await page.textContent('[data-testid=chain-world-hhi]')), Math.round(enrichment.world!.hhi));
  // By hand: Russia's third, 0.3333² × 10,000 = 1,111 (the rest not broken down adds nothing).
  assert.equal(figure(await page.textContent('[data-testid=chain-importer-hhi]')), 1111);
  assert.equal(Math.round(enrichment.importer!.hhi), 1111);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test('each view: screenshot, no serious axe-core violation; N-1 and Monte Carlo equal the CLI\'s', { timeout: 60_000 }, async () => {
  const page = await open('/?view=dependence&importer=EU27&commodity=crude_oil&year=2023&stage=imports&close=cpc');
  for (const view of ['dependence', 'whatif', 'flows', 'risk', 'timeline']) {
    await page.click(`#tab-${view}`);
    await page.waitForSelector(`#tab-${view}[aria-selected=true]`);
    if (view === 'flows') await page.waitForSelector('[data-testid=sankey] rect');
    if (view === 'risk') await checkRisk(page);
    await page.screenshot({ path: join(WEB_OUTPUT, `${view}.png`) });
    assert.deepEqual(await axeViolations(page), [], `axe-core on the ${view} view`);
  }
  await page.close();
});

/** N-1 and Monte Carlo in the page's worker give the CLI's figures (same dataset, same spec, seed and draws). */
async function checkRisk(page: Page): Promise<void> {
  await page.click('text=Run N-1');
  await page.waitForSelector('[data-testid=n1-table]', { timeout: 30_000 });
  const n1 = await runCli('risk', 'n1', '--commodity', 'crude_oil', '--year', '2023', '--importer', 'EU27', '--json');
  const elements = (JSON.parse(n1.stdout) as { elements: { element: string; costChange: number; unservedByImporter: Record<string, number> }[] }).elements;
  const shown = await page.locator('[data-testid=n1-table] tbody tr').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-element'), ...[...r.querySelectorAll('td')].map((c) => c.textContent)]));
  for (const [i, e] of elements.slice(0, 5).entries()) {
    assert.equal(shown[i][0], e.element);
    assert.equal(figure(shown[i][1]), Number(e.unservedByImporter.EU27.toFixed(3)));
    assert.equal(figure(shown[i][2]), Number(e.costChange.toFixed(3)));
  }
  // Closing CPC in N-1 costs what the CPC scenario's objective change says (the same one-change scenario).
  assert.equal(figure(shown.find((r) => r[0] === 'route:cpc')![2]), Number(elements.find((e) => e.element === 'route:cpc')!.costChange.toFixed(3)));
  // And the world price change of losing it, as the CLI's N-1 gives it.
  const cpcPrice = (JSON.parse(n1.stdout) as { elements: { element: string; priceChange: number }[] }).elements.find((e) => e.element === 'route:cpc')!.priceChange;
  assert.equal(figure(shown.find((r) => r[0] === 'route:cpc')![4]), Number(cpcPrice.toFixed(3)));
  await page.fill('#risk-draws', '500');
  await page.click('text=Run Monte Carlo');
  await page.waitForSelector('[data-testid=montecarlo]', { timeout: 40_000 });
  const mc = await runCli('risk', 'montecarlo', join(ROOT, 'examples', 'risk-crude-2024.yaml'), '--draws', '500', '--json');
  const eu = (JSON.parse(mc.stdout) as { importers: { importer: string; expectedWorldMarket: number }[] }).importers.find((r) => r.importer === 'EU27')!;
  assert.equal(figure(await page.textContent('[data-testid=mc-world]')), Number(eu.expectedWorldMarket.toFixed(3)));
}

test('keyboard: the main controls are reached with Tab, and the arrow keys move between views', { timeout: 30_000 }, async () => {
  const page = await open('/?view=whatif');
  const reached = new Set<string>();
  await page.focus('body');
  for (let i = 0; i < 70; i++) {
    await page.keyboard.press('Tab');
    reached.add(await page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('data-hit') || ''));
  }
  for (const id of ['commodity', 'importer', 'stage', 'tab-whatif', 'cpc', 'lane:cpc_terminal_eu', 'choke:turkish_straits', 'open-cpc', 'cap-cpc', 'choke-turkish_straits']) {
    assert.ok(reached.has(id), `${id} reached by Tab (reached: ${[...reached].join(' ')})`);
  }
  // The link that passes the map by: from it, the next Tab is the view tabs.
  await page.focus('a.skip');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'tab-whatif');
  await page.focus('#tab-whatif');
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('#tab-flows[aria-selected=true]');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'tab-flows');
  await page.close();
});

test('a what-if saved through the API with the session token is listed and compared with the baseline', { timeout: 40_000 }, async () => {
  const page = await open(`/?view=whatif&close=cpc${new URL(served.link).hash}`);
  assert.equal(new URL(page.url()).hash, '', 'the token is taken out of the address bar');
  await page.fill('#scenario-name', 'CPC closed (page)');
  await page.click('text=Save what-if');
  await page.waitForSelector('text=/saved as scenario/');
  await page.click('text=List saved scenarios');
  // Loading it back: reset to the baseline, then load: CPC is closed again.
  await afterChange(page, () => page.click('text=Reset to the baseline'));
  assert.equal(await page.isChecked('#open-cpc'), true);
  await afterChange(page, () => page.click('button[aria-label="Load CPC closed (page)"]'));
  assert.equal(await page.isChecked('#open-cpc'), false);
  await page.check('label:has-text("CPC closed (page)") >> xpath=preceding-sibling::input[1]');
  await page.click('text=Compare with the baseline');
  await page.waitForSelector('[data-testid=comparison]');
  // Columns: baseline, then the saved scenario; the same figures as the CLI's run of the CPC example (same change, 2023).
  const cli = await runCli('scenario', 'run', join(ROOT, 'examples', 'cpc-shut.yaml'), '--json');
  const r = JSON.parse(cli.stdout) as { importers: { importer: string; unserved: number; marginalCost: number }[]; actors: { country: string; role: string; valueChange: number }[] };
  const cells = async (row: string) => (await page.locator(`[data-testid=comparison] tr[data-row="${row}"] td`).allTextContents()).slice(1).map(figure);
  assert.deepEqual(await cells('unserved|EU27'), [0, r.importers.find((i) => i.importer === 'EU27')!.unserved]);
  // The EU's price (marginal cost of one more tonne): the world price, 602.2 USD/t in the baseline; after, the price
  // that clears a world market shorter by the 35.5 Mt/yr Kazakh exports fall (70.5 to 35.0: Atyrau–Samara and Druzhba
  // 17.5, the Aktau berths 7.5 and the KCP's 10 left to Kazakh shippers) less the 90 × 471.5 / 365 × 0.088 = 10.2309 Mt
  // the EU's oil stocks may release in a year: slopes 0.11 × 5,085 / 602.2 and 0.13 × 4,025.2 / 602.2 sum to
  // 1.7978 Mt/yr per USD/t, so 602.2 + (35.5 − 10.2309) / 1.7978 = 616.26 (rounded in the cell).
  const euPrice = await cells('price|EU27');
  assert.equal(euPrice[0], 602.2);
  assert.ok(Math.abs(euPrice[1] - 616.26) < 0.01, `EU price after ${euPrice[1]}`);
  const kaz = r.actors.find((a) => a.country === 'KAZ' && a.role === 'exporter')!;
  assert.equal((await cells('gains and losses|KAZ (exporter)'))[1], Number(kaz.valueChange.toFixed(3)));
  // The price change and the exporters' revenue: shown as the CLI gives them where results carry them, else absent.
  const { market, exporters } = JSON.parse(cli.stdout) as { market?: { priceChange: number }; exporters?: { exporter: string; revenueChange: number }[] };
  if (market) assert.equal((await cells('price change|world market'))[1], Number(market.priceChange.toFixed(3)));
  else assert.equal(await page.locator('[data-testid=comparison] tr[data-row="price change|world market"]').count(), 0);
  const kazRevenue = exporters?.find((e) => e.exporter === 'KAZ');
  if (kazRevenue) assert.equal((await cells('exporter revenue|KAZ'))[1], Number(kazRevenue.revenueChange.toFixed(3)));
  else assert.equal(await page.locator('[data-testid=comparison] tr[data-row="exporter revenue|KAZ"]').count(), 0);
  const stored = await (await fetch(`${served.address}/scenarios`)).json() as { scenarios: { name: string; yaml: string }[] };
  const yaml = stored.scenarios.find((s) => s.name === 'CPC closed (page)')!.yaml;
  assert.match(yaml, /- type: close_route\n {4}route: "cpc"/);
  await page.close();
});

test('timeline: filtered by actor and type; an article pasted goes through the news reader and a candidate accepted joins it', { timeout: 30_000 }, async () => {
  const page = await open(`/?view=timeline${new URL(served.link).hash}`);
  await page.selectOption('#tl-since', '');
  const all = await page.locator('[data-testid=timeline-list] li').count();
  // By hand from the dataset: agreements.csv and events.csv rows, one item each.
  const rows = (file: string) => readFileSync(join(ROOT, 'data', 'default', file), 'utf8').trim().split('\n').length - 1;
  assert.equal(all, rows('agreements.csv') + rows('events.csv'));
  await page.selectOption('#tl-type', 'AGREE');
  const agree = await page.locator('[data-testid=timeline-list] li').allTextContents();
  assert.ok(agree.length > 0 && agree.every((t) => / AGREE /.test(t)), agree.join('\n'));
  await page.selectOption('#tl-type', '');
  await page.fill('#article', 'Kazakhstan and Azerbaijan signed an agreement on Tuesday to ship more crude oil through the Baku-Tbilisi-Ceyhan pipeline, the energy ministry said.');
  await page.fill('#published', '2025-03-05');
  await page.getByRole('button', { name: 'Read', exact: true }).click();
  await page.waitForSelector('[data-testid=candidates] li');
  // "Tuesday" before Wednesday 5 March 2025 is 4 March; the reader codes the signing as AGREE, Kazakhstan → Azerbaijan.
  assert.match(await page.textContent('[data-testid=candidates] li') ?? '', /^2025-03-04 AGREE KAZ → AZE/);
  assert.match(await page.textContent('[data-testid=ingest-status]') ?? '', /kept for review in dataset workbench \(1 new, 0 kept before\)/);
  await page.click('[data-testid=candidates] li >> text=accept');
  // Accepting stores the dataset's next version (the working copy serve made on first start is version 1).
  await page.waitForSelector('text=/stored in dataset workbench version 2/');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=timeline-list] li').length === n, all + 1);
  // After a reload the event is still there, read from the stored dataset, and no candidate waits for review.
  await page.reload();
  await page.waitForSelector('#tab-timeline[aria-selected=true]');
  await page.waitForSelector('text=/kept for review in dataset "workbench" \\(version 2\\)/');
  await page.selectOption('#tl-since', '');
  assert.equal(await page.locator('[data-testid=timeline-list] li').count(), all + 1);
  assert.match(await page.locator('[data-testid=timeline-list] li', { hasText: 'Kazakhstan and Azerbaijan signed' }).textContent() ?? '', /^2025-03-04 event AGREE \(KAZ, AZE/);
  assert.equal(await page.locator('[data-testid=candidates] li').count(), 0);
  // The same article read again: its candidate was reviewed already, so nothing new is kept.
  await page.fill('#article', 'Kazakhstan and Azerbaijan signed an agreement on Tuesday to ship more crude oil through the Baku-Tbilisi-Ceyhan pipeline, the energy ministry said.');
  await page.fill('#published', '2025-03-05');
  await page.getByRole('button', { name: 'Read', exact: true }).click();
  await page.waitForSelector('text=/0 new, 1 kept before/');
  // Another article: its candidate rejected is recorded in the store and does not join the timeline.
  await page.fill('#article', 'Russia halted crude oil deliveries to Germany through the Druzhba pipeline on Monday, the operator said.');
  await page.fill('#published', '2025-04-02');
  await page.getByRole('button', { name: 'Read', exact: true }).click();
  await page.waitForSelector('text=/1 new, 0 kept before/');
  // "Monday" before Wednesday 2 April 2025 is 31 March; a disruption by Russia of deliveries to Germany.
  assert.match(await page.textContent('[data-testid=candidates] li') ?? '', /^2025-03-31 DISRUPTION RUS → DEU/);
  await page.click('[data-testid=candidates] li >> text=reject');
  await page.waitForSelector('text=/rejected \\(recorded in the store\\)/');
  const rejected = await (await fetch(`${served.address}/events/candidates?dataset=workbench&status=rejected`)).json() as { candidates: { status: string; event: { type: string; source: string } }[] };
  assert.deepEqual(rejected.candidates.map((c) => [c.status, c.event.type, c.event.source]), [['rejected', 'DISRUPTION', 'RUS']]);
  await page.reload();
  await page.waitForSelector('#tab-timeline[aria-selected=true]');
  await page.selectOption('#tl-since', '');
  assert.equal(await page.locator('[data-testid=timeline-list] li').count(), all + 1);
  assert.equal(await page.locator('[data-testid=candidates] li').count(), 0);
  await page.screenshot({ path: join(WEB_OUTPUT, 'timeline-stored.png') });
  await page.close();
});

test('a critical raw material without trade flows: the stage\'s supply shares, HHI and CRMA benchmark', { timeout: 30_000 }, async () => {
  const page = await browser.context.newPage();
  watch(page);
  await page.goto(`${served.address}/?view=dependence&importer=EU27&commodity=tungsten&year=2023&stage=extraction`);
  await page.waitForSelector('[data-testid=stage-hhi]');
  // crm_supply.csv, tungsten extraction 2023 (global), OTHER left out as dispersed:
  // (0.8077² + 0.0449² + 0.0256² + 0.0218² + 0.0192²) × 10,000 = 6,558.9 → 6,559; China 80.8% > 65%: not met.
  assert.equal(await page.textContent('[data-testid=stage-hhi]'), '6,559');
  assert.match(await page.textContent('section[aria-labelledby=dep-title] p') ?? '', /China 80\.8% — not met/);
  assert.match(await page.textContent('[data-testid=solve-status]') ?? '', /no trade flows/);
  await page.screenshot({ path: join(WEB_OUTPUT, 'dependence-stage.png') });
  // This page was opened without the session token: reading an article (a write) says how to get one.
  await page.click('#tab-timeline');
  await page.fill('#article', 'Kazakhstan and Azerbaijan signed an agreement on Tuesday.');
  await page.getByRole('button', { name: 'Read', exact: true }).click();
  await page.waitForSelector('text=/needs an API token/');
  // (Not sent at all: the browser would log the server's 401 as an error.)
  assert.match(await page.textContent('[data-testid=ingest-status]') ?? '', /open the workbench link `corridor serve` printed \(it carries a token for the session\) or paste a token in the what-if view/);
  await page.close();
});

test('a capacity dragged to half and an embargo added by hand give the CLI\'s figures for the same changes', { timeout: 40_000 }, async () => {
  const page = await open('/?view=whatif&importer=EU27&commodity=crude_oil&year=2023');
  const cliOf = async (changes: string) => {
    const file = join(scratchDir('web-whatif'), 'w.yaml');
    writeFileSync(file, `name: w\ncommodity: crude_oil\nyear: 2023\nchanges:\n${changes}`);
    const run = await runCli('scenario', 'run', file, '--json');
    assert.equal(run.code, 0, run.stderr);
    return (JSON.parse(run.stdout) as { importers: { importer: string; servedScenario: number; unserved: number; costChange: number }[] }).importers.find((i) => i.importer === 'EU27')!;
  };
  const shown = async () => Promise.all(['received', 'unserved', 'cost'].map(async (f) => figure(await page.locator(`tr[data-importer=EU27] [data-field=${f}]`).textContent())));
  // CPC's capacity (81.5 Mt/yr) dragged to 40.75: a cut of half.
  await afterChange(page, () => page.evaluate(() => {
    const slider = document.getElementById('cap-cpc') as HTMLInputElement;
    slider.value = '40.75';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  }));
  assert.match(await page.textContent('[data-testid=whatif-yaml]') ?? '', /type: cut_capacity\n {4}route: "cpc"\n {4}fraction: 0\.5\n/);
  let eu = await cliOf('  - type: cut_capacity\n    route: cpc\n    fraction: 0.5\n');
  assert.deepEqual(await shown(), [eu.servedScenario, eu.unserved, eu.costChange].map((x) => Number(x.toFixed(3))));
  // Then an embargo on Russian crude to the EU, on top.
  await page.selectOption('#embargo-exporter', 'RUS');
  await page.selectOption('#embargo-importer', 'EU27');
  await afterChange(page, () => page.click('text=Add embargo'));
  eu = await cliOf('  - type: cut_capacity\n    route: cpc\n    fraction: 0.5\n  - type: embargo\n    exporter: RUS\n    importer: EU27\n');
  assert.deepEqual(await shown(), [eu.servedScenario, eu.unserved, eu.costChange].map((x) => Number(x.toFixed(3))));
  await page.close();
});

test('no console error or warning on any page of this run', () => {
  assert.deepEqual(problems, []);
});

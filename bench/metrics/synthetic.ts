// The seeded synthetic dataset of the metrics benchmark (bench/metrics/run.ts) and its profile script.
import { emptyTables, type Tables } from '../../src/model/types.ts';
import { seededRandom as random } from '../../src/model/random.ts';

/** A synthetic dataset: every country imports every commodity in every year from 3–12 suppliers. */
export function syntheticTables(seed = 42, countries = 200, commodities = 50, years = [2022, 2023, 2024]): Tables {
  const rnd = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
  const prov = { source: ['synthetic'], estimated: true, note: '' };
  const t = emptyTables();
  t.source.push({ id: 'synthetic', title: 'Synthetic benchmark data', publisher: '', url: '', year: 2024, note: `seed ${seed}` });
  const ids = Array.from({ length: countries }, (_, i) => `C${String(i).padStart(3, '0')}`);
  for (const id of ids) t.country.push({ id, name: id, kind: 'country', region: '' });
  t.country.push({ id: 'OTHER', name: 'Other', kind: 'aggregate', region: '' });
  t.bloc.push({ id: 'EU27', name: 'Synthetic bloc' });
  for (const id of ids.slice(0, 27)) t.blocMember.push({ bloc: 'EU27', country: id });
  for (const id of ids) if (rnd() < 0.95) t.governance.push({ country: id, indicator: 'wgi_mean', year: 2022, value: Math.round((rnd() * 5 - 2.5) * 100) / 100, ...prov });
  for (let k = 0; k < commodities; k++) {
    const commodity = `K${String(k).padStart(2, '0')}`;
    t.commodity.push({ id: commodity, name: commodity, group: 'mineral', unit: 't', allowed_units: ['t', 'kt'], fungible: false, ...prov });
    const routes = Array.from({ length: 10 }, (_, r) => `${commodity}_r${r}`);
    for (const route of routes) {
      t.route.push({ id: route, name: route, commodity, mode: 'rail', from: 'a', to: 'b', unit: 't', year: 2024, cost_unit: '', operator: '', status: 'operating', ...prov });
      const legs = 2 + Math.floor(rnd() * 4);
      for (let s = 1; s <= legs; s++) t.leg.push({ route, sequence: s, from: 'a', to: 'b', country: pick(ids), mode: '', asset: '', ...prov });
    }
    for (const year of years) {
      for (const importer of ids) {
        const n = 3 + Math.floor(rnd() * 10);
        const chosen = new Set<string>();
        while (chosen.size < n) {
          const e = pick(ids);
          if (e !== importer) chosen.add(e);
        }
        for (const exporter of chosen) {
          const route = rnd() < 0.4 ? pick(routes) : '';
          const kt = rnd() < 0.2;
          t.flow.push({ year, commodity, exporter, importer, route, volume: Math.round(rnd() * 1000 * 100) / 100 / (kt ? 1000 : 1), unit: kt ? 'kt' : 't', ...prov });
        }
        if (rnd() < 0.3) t.flow.push({ year, commodity, exporter: 'OTHER', importer, route: '', volume: Math.round(rnd() * 500), unit: 't', ...prov });
      }
    }
  }
  return t;
}

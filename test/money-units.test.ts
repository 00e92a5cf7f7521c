// Money per quantity (prices, route costs, penalties, shadow prices): reading the unit, converting it for a
// commodity, and the unit each commodity's prices are shown in. Every figure is worked out by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertMoney, isMoneyUnit, moneyPerBaseUnit, naturalPriceUnit, parseMoneyUnit, UnitError } from '../src/model/units.ts';
import type { CommodityRow } from '../src/model/types.ts';

const base = { source: ['hand'], estimated: false, note: '', fungible: false, allowed_units: [] };
const crude: CommodityRow = { ...base, id: 'crude_oil', name: 'Crude oil', group: 'energy', unit: 'Mt/yr', barrels_per_tonne: 7.3, toe_per_tonne: 1.02 };
const gas: CommodityRow = { ...base, id: 'pipeline_gas', name: 'Pipeline gas', group: 'energy', unit: 'bcm/yr', twh_per_bcm: 10.6 };
const gasNoEnergy: CommodityRow = { ...base, id: 'gas', name: 'Gas', group: 'energy', unit: 'bcm/yr' };
const uranium: CommodityRow = { ...base, id: 'uranium', name: 'Uranium', group: 'energy', unit: 'tU/yr' };
const containers: CommodityRow = { ...base, id: 'containers', name: 'Containers', group: 'freight', unit: 'TEU/yr' };
const tungsten: CommodityRow = { ...base, id: 'tungsten', name: 'Tungsten', group: 'mineral', unit: 't/yr' };

const near = (actual: number, expected: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${what}: expected ${expected}, found ${actual}`);

test('5 USD/bbl at 7.3 bbl/t = 36.5 USD/t = 36.5e6 USD per Mt = 36.5 USD million per Mt', () => {
  // One tonne is 7.3 barrels: 5 × 7.3 = 36.5 USD/t. One Mt is 1e6 t: 36.5e6 USD, i.e. USD 36.5 million.
  near(convertMoney(5, 'USD/bbl', 'USD/t', crude), 36.5, 'USD/t');
  near(moneyPerBaseUnit(5, 'USD/bbl', crude), 36.5e6, 'USD per Mt (the base unit)');
  near(convertMoney(5, 'USD/bbl', 'USD million/Mt', crude), 36.5, 'USD million per Mt');
  near(convertMoney(5, 'USD/bbl', 'USD million per Mt', crude), 36.5, '"per" written out');
  // Back: 602.2 USD/t (Brent 2023 at 7.3 bbl/t) is 602.2 / 7.3 = 82.49 USD/bbl.
  near(convertMoney(602.2, 'USD/t', 'USD/bbl', crude), 602.2 / 7.3, 'USD/bbl');
});

test('gas: 35 USD/MWh at 10.6 TWh/bcm = 371 USD million per bcm; USD/MMBtu and USD/1000 m3', () => {
  // 1 bcm = 10.6 TWh = 10.6e6 MWh: 35 × 10.6e6 = 371e6 USD per bcm.
  near(moneyPerBaseUnit(35, 'USD/MWh', gas), 371e6, 'USD per bcm');
  // 1 MMBtu = 0.2930711 MWh: 10 USD/MMBtu = 10 / 0.2930711 = 34.12141 USD/MWh.
  near(convertMoney(10, 'USD/MMBtu', 'USD/MWh', gas), 10 / 0.2930711, 'USD/MWh');
  // 1 bcm = 1e9 m3 = 1e6 × (1000 m3): 350 USD/1000 m3 = 350e6 USD per bcm; that is 350e6 / 10.6e6 = 33.0189 USD/MWh.
  near(moneyPerBaseUnit(350, 'USD/1000 m3', gas), 350e6, 'USD per bcm');
  near(convertMoney(350, 'USD/1000 m3', 'USD/MWh', gas), 350 / 10.6, 'USD/MWh');
});

test('uranium, containers and minerals: USD/tU, USD million/ktU, USD/TEU, USD/t on a t/yr base', () => {
  near(moneyPerBaseUnit(150, 'USD/tU', uranium), 150, 'USD per tU (the base unit)');
  // 2 USD million per ktU = 2e6 / 1e3 = 2000 USD per tU.
  near(convertMoney(2, 'USD million/ktU', 'USD/tU', uranium), 2000, 'USD/tU');
  near(moneyPerBaseUnit(1500, 'USD/TEU', containers), 1500, 'USD per TEU');
  // 1 kTEU = 1000 TEU: 1500 USD/TEU = 1.5 USD million per kTEU.
  near(convertMoney(1500, 'USD/TEU', 'USD million/kTEU', containers), 1.5, 'USD million per kTEU');
  // Tungsten in t/yr: 30 USD/kg is not a known unit, but 30,000 USD/t per tonne is 30,000 per base unit.
  near(moneyPerBaseUnit(30000, 'USD/t', tungsten), 30000, 'USD per t');
});

test('a cost per day in transit: 1 USD/TEU/day, and a per-day unit is refused where a price is expected', () => {
  near(moneyPerBaseUnit(1, 'USD/TEU/day', containers, true), 1, 'USD per TEU per day');
  // 0.5 USD/t/day on crude in Mt: 0.5e6 USD per Mt per day.
  near(moneyPerBaseUnit(0.5, 'USD/t/day', crude, true), 0.5e6, 'USD per Mt per day');
  assert.throws(() => moneyPerBaseUnit(1, 'USD/TEU/day', containers), (e: Error) => e instanceof UnitError && /not per day/.test(e.message));
  assert.throws(() => moneyPerBaseUnit(1, 'USD/TEU', containers, true), (e: Error) => e instanceof UnitError && /cost per day like "USD\/TEU\/day"/.test(e.message));
});

test('what is not money per quantity, or does not convert, is refused with a reason', () => {
  for (const unit of ['EUR/t', 'USD', 'USD/', 'USD/gallon', 'Mt/yr', 'USD/Mt/yr', '', 'USD/0 t']) assert.equal(isMoneyUnit(unit), false, unit);
  assert.throws(() => moneyPerBaseUnit(1, 'EUR/t', crude), (e: Error) => e instanceof UnitError && /expected money per quantity like "USD\/t".*found "EUR\/t"/.test(e.message));
  // Barrels of uranium: no factor declared on the commodity.
  assert.throws(() => moneyPerBaseUnit(1, 'USD/bbl', uranium), (e: Error) => e instanceof UnitError && /no factor declared on the commodity/.test(e.message));
  assert.throws(() => moneyPerBaseUnit(1, 'USD/MWh', gasNoEnergy), /no factor declared/);
});

test('parseMoneyUnit reads the money scale, the quantity, a multiplier and "per day"', () => {
  assert.deepEqual(parseMoneyUnit('USD/t'), { money: 1, quantity: 't', per: 1, perDay: false });
  assert.deepEqual(parseMoneyUnit('USD million/Mt'), { money: 1e6, quantity: 'Mt', per: 1, perDay: false });
  assert.deepEqual(parseMoneyUnit('US$ per 1000 m3'), { money: 1, quantity: 'm3', per: 1000, perDay: false });
  assert.deepEqual(parseMoneyUnit('USD/TEU/day'), { money: 1, quantity: 'TEU', per: 1, perDay: true });
});

test('the price unit of each commodity: the dataset\'s when it converts, else USD per the natural quantity', () => {
  assert.equal(naturalPriceUnit(crude), 'USD/t');
  assert.equal(naturalPriceUnit(crude, 'USD/bbl'), 'USD/bbl');
  assert.equal(naturalPriceUnit(crude, 'EUR/t'), 'USD/t', 'a price unit that does not convert is not used');
  assert.equal(naturalPriceUnit(uranium), 'USD/tU');
  assert.equal(naturalPriceUnit(containers), 'USD/TEU');
  assert.equal(naturalPriceUnit(tungsten), 'USD/t');
  assert.equal(naturalPriceUnit(gas), 'USD/MWh', 'gas with an energy factor: the hub convention');
  assert.equal(naturalPriceUnit(gasNoEnergy), 'USD/1000 m3', 'gas without one: per thousand cubic metres');
});

// Unit conversions, checked against figures worked out by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convert, toBaseUnit, UnitError } from '../src/model/units.ts';
import type { CommodityRow } from '../src/model/types.ts';

const base = { source: ['hand'], estimated: false, note: '', fungible: false, allowed_units: [] };
const crude: CommodityRow = { ...base, id: 'crude_oil', name: 'Crude oil', group: 'energy', unit: 'Mt/yr', barrels_per_tonne: 7.3, toe_per_tonne: 1.02 };
const gas: CommodityRow = { ...base, id: 'natural_gas', name: 'Natural gas', group: 'energy', unit: 'bcm/yr', twh_per_bcm: 10.55 };
const uranium: CommodityRow = { ...base, id: 'uranium', name: 'Uranium', group: 'energy', unit: 'tU/yr' };

test('1 mb/d of crude at 7.3 bbl/t is 365/7.3 = 50 Mt/yr', () => {
  assert.ok(Math.abs(toBaseUnit(1, 'mb/d', crude) - 50) < 1e-9);
  // 1,050 kb/d (Kazakhstan to the EU, 2024) = 1.05e6 * 365 / 7.3 / 1e6 = 52.5 Mt/yr
  assert.ok(Math.abs(toBaseUnit(1050, 'kb/d', crude) - 52.5) < 1e-9);
});

test('Mtoe converts to Mt by toe per tonne: 40.8 Mtoe / 1.02 = 40 Mt', () => {
  assert.ok(Math.abs(toBaseUnit(40.8, 'Mtoe', crude) - 40) < 1e-9);
});

test('TWh of gas converts to bcm: 105.5 TWh / 10.55 = 10 bcm', () => {
  assert.ok(Math.abs(convert(105.5, 'TWh/yr', 'bcm/yr', gas) - 10) < 1e-9);
});

test('kt and t are scaled; "/yr" is optional', () => {
  assert.equal(convert(2.5, 'ktU', 'tU/yr', uranium), 2500);
  assert.equal(convert(3, 'Mt', 'kt/yr', crude), 3000);
});

test('a conversion with no declared factor is refused with a reason', () => {
  assert.throws(() => toBaseUnit(1, 'kb/d', uranium), (e: Error) => e instanceof UnitError && /no factor declared on the commodity/.test(e.message));
  assert.throws(() => toBaseUnit(1, 'gallons', crude), /unknown unit "gallons"/);
});

import { CorridorError, available } from '../errors.ts';
import type { Model } from '../model/model.ts';
import type { CrmMaterialRow, CrmSupplyRow } from '../model/types.ts';
import { STAGES } from '../schema/entities.ts';
import { hhiWgi } from './hhi-wgi.ts';
import { CRITICALITY_THRESHOLDS, SUPPLY_RISK_METHOD, THRESHOLD_TOLERANCE } from './methods.ts';
import { scaledWgi } from './scaled-wgi.ts';
import { uniqueSorted } from './select-flows.ts';
import { supplyRisk } from './supply-risk.ts';
import type { CrmAssessment, MaterialSupplyRisk, StageSupplyRisk } from './types.ts';

export interface CrmQuery {
  /** One material (a commodity id); every material with inputs when omitted. */
  material?: string;
  /** Year of the inputs; each material's latest year when omitted. */
  year?: number;
}

const SHARE_SUM_TOLERANCE = 0.01;

/**
 * The EU criticality assessment of each material (docs/methods/eu-supply-risk.md): supply risk per
 * stage (extraction, processing), the bottleneck stage, economic importance and the verdict
 * (critical when EI ≥ 2.8 and SR ≥ 1.0). Inputs come from crm_materials.csv, crm_supply.csv and
 * governance.csv. A country with no WGI is an error (CORRIDOR_ERR_METHOD_INPUT) that names it;
 * aggregates (OTHER) are treated as dispersed and contribute 0; a stage without EU-sourcing shares
 * uses global supply in their place (flagged). Asked for one material, incomplete inputs are an error;
 * for every material, the incomplete ones are listed in `skipped` with the reason.
 */
export function crmAssessment(model: Model, query: CrmQuery = {}): CrmAssessment {
  const withInputs = uniqueSorted(model.tables.crmMaterial.map((r) => r.material));
  let materials: string[];
  if (query.material !== undefined) {
    const id = query.material;
    if (!model.commodity(id)) {
      throw new CorridorError('CORRIDOR_ERR_UNKNOWN_ID', `unknown material "${id}"; materials with EU criticality inputs: ${available(withInputs)}`);
    }
    if (!withInputs.includes(id)) {
      throw new CorridorError('CORRIDOR_ERR_METHOD_INPUT',
        `no EU criticality inputs for "${id}" in crm_materials.csv; materials with inputs: ${available(withInputs)}`);
    }
    materials = [id];
  } else {
    if (withInputs.length === 0) {
      throw new CorridorError('CORRIDOR_ERR_METHOD_INPUT', 'the dataset has no EU criticality inputs (crm_materials.csv is empty or missing)');
    }
    materials = query.year === undefined ? withInputs : withInputs.filter((m) => model.tables.crmMaterial.some((r) => r.material === m && r.year === query.year));
    if (materials.length === 0) {
      throw new CorridorError('CORRIDOR_ERR_NO_DATA',
        `no EU criticality inputs for ${query.year}; years with inputs: ${available(uniqueSorted(model.tables.crmMaterial.map((r) => r.year)))}`);
    }
  }
  // One material asked for: incomplete inputs are an error. Every material: those with incomplete
  // inputs are skipped with the reason, so one gap does not hide the others.
  const assessed: MaterialSupplyRisk[] = [];
  const skipped: CrmAssessment['skipped'] = [];
  for (const m of materials) {
    try {
      assessed.push(assessMaterial(model, m, query.year));
    } catch (error) {
      if (query.material !== undefined || !(error instanceof CorridorError) || error.code !== 'CORRIDOR_ERR_METHOD_INPUT') throw error;
      skipped.push({ material: m, reason: error.message });
    }
  }
  return {
    method: SUPPLY_RISK_METHOD,
    dataset: model.info.hash,
    thresholds: { ...CRITICALITY_THRESHOLDS },
    materials: assessed,
    skipped,
  };
}

function assessMaterial(model: Model, material: string, requestedYear: number | undefined): MaterialSupplyRisk {
  const rows = model.tables.crmMaterial.filter((r) => r.material === material);
  const years = uniqueSorted(rows.map((r) => r.year));
  const year = requestedYear ?? years[years.length - 1];
  const inputs: CrmMaterialRow | undefined = rows.find((r) => r.year === year);
  if (!inputs) {
    throw new CorridorError('CORRIDOR_ERR_NO_DATA', `no EU criticality inputs for ${material} in ${year}; years with inputs: ${available(years)}`);
  }
  const supply = model.tables.crmSupply.filter((r) => r.material === material && r.year === year);
  const notes: string[] = [];
  const stages: StageSupplyRisk[] = [];
  for (const stage of STAGES) {
    const ofStage = supply.filter((r) => r.stage === stage);
    if (ofStage.length === 0) {
      notes.push(`no ${stage} shares in crm_supply.csv: stage not assessed`);
      continue;
    }
    const globalRows = ofStage.filter((r) => r.scope === 'global');
    const euRows = ofStage.filter((r) => r.scope === 'eu_sourcing');
    if (globalRows.length === 0) {
      throw new CorridorError('CORRIDOR_ERR_METHOD_INPUT',
        `${material} ${year} ${stage}: no global shares in crm_supply.csv (the method needs global supply shares for every stage it assesses)`);
    }
    const global = concentration(model, globalRows, `${material} ${year} ${stage} global`, `${stage} global`, notes);
    const eu = euRows.length > 0 ? concentration(model, euRows, `${material} ${year} ${stage} eu_sourcing`, `${stage} eu_sourcing`, notes) : global;
    if (euRows.length === 0) notes.push(`${stage}: no eu_sourcing shares in crm_supply.csv: global supply stands in for EU sourcing (SR = HHI_WGI,t(GS)·(1 − EoL_RIR)·SI_SR)`);
    const importReliance = (stage === 'extraction' ? inputs.import_reliance_extraction : inputs.import_reliance_processing) ?? inputs.import_reliance;
    stages.push({
      stage,
      supplyRisk: supplyRisk({
        hhiGlobal: global.hhi,
        hhiEuSourcing: eu.hhi,
        importReliance,
        eolRir: inputs.eol_rir,
        substitutionIndex: inputs.substitution_index,
      }),
      hhiGlobal: global.hhi,
      hhiEuSourcing: eu.hhi,
      importReliance,
      euSourcingBasis: euRows.length > 0 ? 'eu_sourcing' : 'global',
      dispersedShareGlobal: global.dispersed,
      dispersedShareEuSourcing: eu.dispersed,
    });
  }
  if (stages.length === 0) {
    throw new CorridorError('CORRIDOR_ERR_METHOD_INPUT',
      `no supply shares for ${material} ${year} in crm_supply.csv (the method needs global shares, and where known eu_sourcing shares, for extraction and/or processing)`);
  }
  // The bottleneck is the stage with the higher supply risk (extraction on a tie).
  const bottleneck = stages.reduce((best, s) => (s.supplyRisk > best.supplyRisk ? s : best));
  const economicImportance = inputs.economic_importance;
  return {
    material,
    name: model.commodity(material)?.name ?? material,
    year,
    stages,
    bottleneck: bottleneck.stage,
    bottleneckChainStages: model.tables.stage.filter((s) => s.commodity === material && s.eu_method_stage === bottleneck.stage).map((s) => s.stage),
    supplyRisk: bottleneck.supplyRisk,
    economicImportance,
    importReliance: inputs.import_reliance,
    eolRir: inputs.eol_rir,
    substitutionIndex: inputs.substitution_index,
    critical: economicImportance >= CRITICALITY_THRESHOLDS.economicImportance - THRESHOLD_TOLERANCE
      && bottleneck.supplyRisk >= CRITICALITY_THRESHOLDS.supplyRisk - THRESHOLD_TOLERANCE,
    notes,
  };
}

/** HHI_WGI,t of one stage and scope; aggregates contribute 0 (dispersed). */
function concentration(model: Model, rows: CrmSupplyRow[], what: string, label: string, notes: string[]): { hhi: number; dispersed: number } {
  let dispersed = 0;
  let sum = 0;
  const entries = [];
  for (const r of rows) {
    sum += r.share;
    if (model.isAggregate(r.country)) {
      dispersed += r.share;
      continue;
    }
    entries.push({ share: r.share, wgi: scaledWgi(wgiMean(model, r.country, r.year, what, notes)), trade: r.trade_parameter });
  }
  if (Math.abs(sum - 1) > SHARE_SUM_TOLERANCE) notes.push(`${label}: shares sum to ${sum.toFixed(3)}, not 1 (used as given)`);
  if (dispersed > 0) notes.push(`${label}: ${(dispersed * 100).toFixed(1)}% from aggregates (OTHER) treated as dispersed, contributing 0`);
  return { hhi: hhiWgi(entries), dispersed };
}

/** WGI mean of a country (latest year not after `year`), or of a bloc (its own rows, else the mean of its members). */
function wgiMean(model: Model, country: string, year: number, what: string, notes: string[]): number {
  const own = model.wgi(country, year);
  if (own) return own.value;
  const members = model.blocMembers(country);
  if (members.length > 0) {
    const values = members.map((m) => model.wgi(m, year));
    const missing = members.filter((_, i) => !values[i]);
    if (missing.length === 0) {
      const note = `${country} has no WGI of its own: the unweighted mean of its ${members.length} members' WGI is used`;
      if (!notes.includes(note)) notes.push(note);
      return values.reduce((a, v) => a + v!.value, 0) / values.length;
    }
    throw new CorridorError('CORRIDOR_ERR_METHOD_INPUT',
      `no WGI in governance.csv for ${country} nor for its members ${available(missing, 10)} (needed by ${what})`);
  }
  const withWgi = uniqueSorted(model.tables.governance.filter((g) => g.indicator === 'wgi_mean').map((g) => g.country));
  throw new CorridorError('CORRIDOR_ERR_METHOD_INPUT',
    `no WGI in governance.csv for "${country}" (needed by ${what}); countries with a WGI: ${available(withWgi)}`);
}

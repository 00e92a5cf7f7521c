// Typed rows of each entity, with the same field names as the CSV columns (src/schema/entities.ts).
// Optional numbers are `undefined` when the cell is empty; lists are arrays.

export interface Provenance {
  source: string[];
  estimated: boolean;
  note: string;
}

export interface SourceRow { id: string; title: string; publisher: string; url: string; year: number; note: string }
export interface CountryRow { id: string; name: string; kind: 'country' | 'aggregate'; region: string }
export interface BlocRow { id: string; name: string }
export interface BlocMemberRow { bloc: string; country: string }
export interface GovernanceRow extends Provenance { country: string; indicator: 'wgi_mean'; year: number; value: number }
export interface CommodityRow extends Provenance {
  id: string; name: string; group: 'energy' | 'mineral' | 'freight'; unit: string; allowed_units: string[];
  barrels_per_tonne?: number; twh_per_bcm?: number; toe_per_tonne?: number; fungible: boolean;
}
export interface ProductionRow extends Provenance {
  year: number; commodity: string; country: string; stage: 'extraction' | 'processing'; operator: string; volume: number; unit: string;
}
export interface DemandRow extends Provenance {
  year: number; commodity: string; country: string; kind: 'imports' | 'consumption'; volume: number; unit: string;
}
export interface StockRow extends Provenance { year: number; commodity: string; country: string; volume: number; unit: string }
export interface NodeRow extends Provenance { id: string; name: string; kind: string; country: string; lat: number; lon: number }
export interface AssetRow extends Provenance {
  id: string; name: string; kind: string; commodity: string; capacity: number; unit: string; year: number; operator: string;
}
export interface RouteRow extends Provenance {
  id: string; name: string; commodity: string; mode: string; from: string; to: string; capacity?: number; unit: string; year: number;
  transit_days?: number; cost?: number; cost_unit: string; operator: string; status: 'operating' | 'planned' | 'closed';
}
export interface LegRow extends Provenance {
  route: string; sequence: number; from: string; to: string; country: string; mode: string; asset: string; length_km?: number;
}
export interface FlowRow extends Provenance {
  year: number; commodity: string; exporter: string; importer: string; route: string; volume: number; unit: string;
}
export interface AgreementRow extends Provenance {
  id: string; date: string; parties: string[]; type: string; commodities: string[]; volume?: number; unit: string; summary: string;
}
export interface EventRow extends Provenance {
  id: string; date: string; actor: string; targets: string[]; type: string; tone: number; commodities: string[]; routes: string[]; summary: string;
}
export interface ParameterRow extends Provenance {
  name: string; commodity: string; country: string; year: number; value: number; unit: string;
}
export interface CrmMaterialRow extends Provenance {
  material: string; year: number; economic_importance: number; import_reliance: number;
  import_reliance_extraction?: number; import_reliance_processing?: number; eol_rir: number; substitution_index: number;
}
export interface CrmSupplyRow extends Provenance {
  material: string; year: number; stage: 'extraction' | 'processing'; scope: 'global' | 'eu_sourcing'; country: string; share: number; trade_parameter: number;
}
export interface CrmaListRow extends Provenance { material: string; list: 'strategic' | 'critical'; commodity: string }
export interface StageRow extends Provenance {
  commodity: string; stage: string; sequence: number; name: string; unit: string; predecessor: string;
  input_per_unit?: number; eu_method_stage: '' | 'extraction' | 'processing';
}
export interface StageSupplyRow extends Provenance {
  year: number; commodity: string; stage: string; country: string; operator: string; kind: 'production' | 'capacity'; volume: number; unit: string;
}
export interface StageFlowRow extends Provenance { year: number; commodity: string; stage: string; importer: string; supplier: string; share: number }
export interface ChokepointRow extends Provenance {
  id: string; name: string; kind: 'strait' | 'canal'; country: string; commodity: string; capacity?: number; unit: string; year: number;
}
export interface SeaLaneRow extends Provenance {
  id: string; from: string; to: string; commodity: string; chokepoints: string[]; cost?: number; cost_unit: string; transit_days?: number;
  alternative: string; year: number;
}

/** All tables of a dataset, keyed by entity name. */
export interface Tables {
  source: SourceRow[];
  country: CountryRow[];
  bloc: BlocRow[];
  blocMember: BlocMemberRow[];
  governance: GovernanceRow[];
  commodity: CommodityRow[];
  production: ProductionRow[];
  demand: DemandRow[];
  stock: StockRow[];
  node: NodeRow[];
  asset: AssetRow[];
  route: RouteRow[];
  leg: LegRow[];
  flow: FlowRow[];
  agreement: AgreementRow[];
  event: EventRow[];
  parameter: ParameterRow[];
  crmMaterial: CrmMaterialRow[];
  crmSupply: CrmSupplyRow[];
  crmaList: CrmaListRow[];
  stage: StageRow[];
  stageSupply: StageSupplyRow[];
  stageFlow: StageFlowRow[];
  chokepoint: ChokepointRow[];
  seaLane: SeaLaneRow[];
}

export function emptyTables(): Tables {
  return {
    source: [], country: [], bloc: [], blocMember: [], governance: [], commodity: [], production: [], demand: [],
    stock: [], node: [], asset: [], route: [], leg: [], flow: [], agreement: [], event: [], parameter: [],
    crmMaterial: [], crmSupply: [], crmaList: [], chokepoint: [], seaLane: [],
    stage: [], stageSupply: [], stageFlow: [],
  };
}

// From events to their impact on the flow model: the public face of the impact layer. Pure: the CLI reads files
// and the store, this layer maps events to scenario changes (rules.json, map.ts) and runs them (run.ts).
export { runImpacts, impactScenarioYaml, IMPACT_METHOD, type Impact, type ImpactReport, type ImpactOptions, type ActorChange } from './run.ts';
export { mapEvent, hasWord, type ImpactChange, type ImpactQuestion, type MappedEvent, type Unmapped } from './map.ts';
export { readRules, defaultRules, READINGS, REQUIREMENTS, type ImpactRule } from './rules.ts';
export { parseAssumptions, ASSUME_KEYS, type Answer } from './assume.ts';
export { fromCandidate, fromDatasetEvent, type ImpactEvent } from './event.ts';
export { statedMonths, statedShare, statedVolumes } from './figures.ts';

// Name and version of the risk method, reported with every result (docs/methods/risk.md).
export const RISK_METHOD = { name: 'risk', version: '1.0.0' } as const;

export { createEmulator, type Emulator, type EmulatorOptions } from './create-emulator.js';
export {
  emulatorApp,
  whatheadRedirectUri,
  defaultPublicUrl,
  type AppRegistration,
} from './registered-app.js';
export type { AuthorizationCodeGrant, EmulatorControl, TokenSummary } from './control/create-control.js';
export type { CallRecord } from './control/call-log.js';
export type { GroundTruth } from './control/ground-truth.js';
export type { FaultKind, FaultRule, FaultRuleInput } from './faults/fault-injector.js';
export { scenarioNames, loadScenario, type ScenarioName } from './scenarios/load-scenario.js';
export type { Scenario, ScenarioDefinition } from './scenarios/scenario-schema.js';
export { defaultSettings, type EmulatorSettings, type RateLimit, type SettingsPatch } from './settings.js';
export type { Clock } from './state/clock.js';
export { markChanged } from './state/store.js';
export { permissionCatalogue } from './limits/permission-catalogue.js';
export type { EmulatorRuntime } from './runtime.js';
export type { ReportTruthQuery } from './control/create-control.js';
export type { DataLevel, ReportRow } from './reports/report-builder.js';
export type { Counts } from './reports/metrics-model.js';

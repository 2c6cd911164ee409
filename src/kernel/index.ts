// The kernel model's public surface: pure TypeScript, no DOM, no UI libraries.
export { ERA_IDS, ERA_TITLES, ERAS, FLAG_NAMES, FLAG_SPECS, isEraId, resolveFlags } from './flags';
export type { EraId, Flags, LockKind } from './flags';
export { MAX_SCENARIO_CHARS, parseScenario, scenarioToJson, VIOLATION_KINDS } from './scenario';
export { SCENARIO_FORMAT, ScenarioError } from './scenarioTypes';
export type { Op, ParallelOp, Scenario, ScenarioOp, SimpleOp } from './scenarioTypes';
export { replay, effectiveFlags } from './replay';
export type { Replay, ReplayOptions, ServedStates } from './replay';
export { FOREST_FORMAT, forestOf } from './snapshot';
export {
  anonVmaId,
  avcId,
  isAnonVmaId,
  lockOwnerName,
  mmapLockId,
  pageLockId,
  parseAddressId,
  parseAnonVmaId,
  parseAvcId,
  parseLockId,
  pteId,
  vmaId,
  vmaLockId,
} from './ids';
export type { LockOwner } from './ids';
export type { Forest } from './snapshot';
export type { Step, Violation, ViolationKind, ReplayResult, LockEvent } from './trace';
export type {
  ViewAnonVma,
  ViewCpu,
  ViewHeldLock,
  ViewPage,
  ViewProcess,
  ViewState,
  ViewVma,
} from './view';
export {
  checkpointsOf,
  familySizesAfterOps,
  replayFromParts,
  replayParts,
  TooManySteps,
} from './replayParts';
export { stateSize } from './opStates';
export type { Checkpoint, FamilySizes, PartsProgress, ReplayParts } from './replayParts';
export { chunkBuffers, StepColumns, StepEncoder } from './stepColumns';
export type { StepChunk } from './stepColumns';

// Public API of the optimizer decision core (pure: no Prisma, no fetch, no clock).
export { decideCycle } from "./decide";
export { computeWindows, buildDateIndex, utcDateString, WINDOW_DAYS } from "./windows";
export type { DateIndex } from "./windows";
export { computePools, scoreEntity, subscore, SCORING_VERSION, SCORE_WEIGHTS } from "./score";
export { classifyEntity, isTooYoung } from "./classify";
export type { ClassifyContext, ClassificationResult } from "./classify";
export { proposeAction, computeConfidence, hasBudgetLever, hasBidLever, PAUSABLE } from "./propose";
export type { Proposal, ProposeContext } from "./propose";
export { applyGuardrails, checkLayerGates, clampBudget, cooldownMs, isProtectedFromPause } from "./guardrails";
export type { GuardrailCandidate, GuardrailCode, GuardrailContext, GuardrailVerdict, LayerGate, ProposedKind } from "./guardrails";
export { REASON_CODES, formatMoney } from "./reasons";
export { OPTIMIZER_CRONS, OPTIMIZER_INTERVAL_MINUTES } from "./cadence";
export * as OPTIMIZER_LIMITS from "./constants";
export type * from "./types";

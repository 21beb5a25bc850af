// Guardrails: hard rules that gate every proposal. They exist so that a noisy day can never brick
// an ad account, so each one is evaluated independently of how the proposal was produced.
//
// Order: layer gate (stale data / paused layer: nothing is proposed at all) -> per-entity gates
// (all evaluated, every failure reported) -> budget clamp -> never-empty-adset -> caps. Caps come
// last so that a proposal rejected for any other reason never consumes a cap slot.
import * as LIMITS from "./constants";
import type { ClassificationResult } from "./classify";
import { isTooYoung } from "./classify";
import { formatHours, formatMoney, tooYoungSentence } from "./reasons";
import type {
  Classification,
  EntityInput,
  EntityMetrics,
  HistoryActionType,
  LayerInput,
  Mode,
  PerformanceClass,
  ReasonCode,
} from "./types";

// Copied into module scope once: the per-entity code then reads plain locals (some loaders
// compile imported bindings to getter calls, which showed up in the 100k-entity profile).
const {
  BID_COOLDOWN_HOURS,
  BUDGET_COOLDOWN_HOURS,
  HOUR_MS,
  MAX_ACTIONS_PER_CYCLE,
  MAX_BUDGET_CHANGE_FRACTION,
  MAX_BUDGET_CHANGE_MINOR,
  MAX_PAUSES_PER_CYCLE,
  MIN_AGE_DAYS,
  MIN_CONFIDENCE,
  MIN_IMPRESSIONS_FOR_BUDGET_OR_BID,
  REFRESH_MIN_SPEND_MINOR,
  STALE_DATA_HOURS,
  STRUCTURAL_COOLDOWN_HOURS,
} = LIMITS;

export type GuardrailCode = Extract<
  ReasonCode,
  | "STALE_DATA"
  | "LAYER_PAUSED"
  | "MIN_AGE"
  | "PROTECTED_CLASS"
  | "MIN_SPEND"
  | "MIN_IMPRESSIONS"
  | "COOLDOWN"
  | "LOW_CONFIDENCE"
  | "LAST_ACTIVE_CHILD"
  | "BUDGET_CLAMPED"
  | "CAP_PAUSES"
  | "CAP_ACTIONS"
>;

export type ProposedKind = "pause" | "budget" | "bid";

export interface GuardrailCandidate {
  /** Position of the entity in the cycle input (stable tie-breaker, decisions keep input order). */
  index: number;
  entity: EntityInput;
  metrics: EntityMetrics;
  classification: ClassificationResult;
  kind: ProposedKind;
  from?: number;
  to?: number;
  confidence: number;
  /** Refresh fallback (idle > 30 days): not subject to the $5 minimum spend. */
  exemptFromMinSpend?: boolean;
}

export interface GuardrailVerdict {
  index: number;
  status: "approved" | "rejected";
  /** Possibly clamped target value for budget/bid proposals. */
  to?: number;
  /** Rejection codes (and BUDGET_CLAMPED, which does not reject). */
  codes: GuardrailCode[];
  /** One human sentence per code, same order. */
  messages: string[];
  /** Human strings of the rules this proposal satisfied, e.g. "age >= 3d". */
  passed: string[];
}

export interface GuardrailContext {
  now: Date;
  mode: Mode;
  /** Every entity of the layer (not only candidates): needed to count active siblings. */
  entities: readonly EntityInput[];
  /** Test seam for mutation checks (proves each property test fails without its rule). Production
   * callers never pass it; only decide.ts's decideCycleWithSeams (not in the package index) does. */
  disabled?: ReadonlySet<GuardrailCode>;
}

export interface LayerGate {
  code: "STALE_DATA" | "LAYER_PAUSED";
  sentence: string;
}

/** Whole-cycle gates: a paused layer or stale data holds everything (nothing is proposed). */
export function checkLayerGates(layer: LayerInput, now: Date, disabled?: ReadonlySet<GuardrailCode>): LayerGate[] {
  const gates: LayerGate[] = [];
  if (layer.paused && !disabled?.has("LAYER_PAUSED")) {
    gates.push({ code: "LAYER_PAUSED", sentence: "Layer is paused; the optimizer proposes nothing until it is resumed." });
  }
  if (!disabled?.has("STALE_DATA")) {
    if (layer.lastSyncAt == null) {
      gates.push({ code: "STALE_DATA", sentence: "Metrics have never been synced for this layer; holding every action." });
    } else {
      const ageMs = now.getTime() - layer.lastSyncAt.getTime();
      if (ageMs > STALE_DATA_HOURS * HOUR_MS) {
        gates.push({
          code: "STALE_DATA",
          sentence: `Metrics are stale: last sync ${formatHours(ageMs)} ago (> ${STALE_DATA_HOURS}h); holding every action.`,
        });
      }
    }
  }
  return gates;
}

/** Sentences that do not depend on the entity, built once (100k-entity cycles). */
const MSG = {
  capPauses: `Pause cap reached (${MAX_PAUSES_PER_CYCLE} pauses per cycle already approved).`,
  capActions: `Action cap reached (${MAX_ACTIONS_PER_CYCLE} actions per cycle already approved).`,
  withinPauseCaps: `within caps (${MAX_PAUSES_PER_CYCLE} pauses / ${MAX_ACTIONS_PER_CYCLE} actions)`,
  withinActionCap: `within caps (${MAX_ACTIONS_PER_CYCLE} actions)`,
  age: `age >= ${MIN_AGE_DAYS}d`,
  notProtected: "not TOP_PERFORMER/HEALTHY/TOO_YOUNG/LEARNING_PHASE",
  spend: `spend >= ${formatMoney(REFRESH_MIN_SPEND_MINOR)}`,
  impressions: `impressions >= ${MIN_IMPRESSIONS_FOR_BUDGET_OR_BID} (7d)`,
  confidence: `confidence >= ${MIN_CONFIDENCE}`,
  budgetBounds: `budget change <= 50% and <= ${formatMoney(MAX_BUDGET_CHANGE_MINOR)}`,
  notLastAdset: "not last in adset",
  notLastAdgroup: "not last in adgroup",
  cooldownBid: "cooldown clear (24h since bid, 48h since pause/resume/budget)",
  cooldown: "cooldown clear (48h)",
} as const;

const PROTECTED: ReadonlySet<Classification> = new Set<Classification>(["TOP_PERFORMER", "HEALTHY", "TOO_YOUNG", "LEARNING_PHASE"]);

export function isProtectedFromPause(classification: Classification): boolean {
  return PROTECTED.has(classification);
}

/** The gap required between a prior action and a proposed one: 24h only between two bid
 * changes, 48h whenever either side is structural (pause/resume) or a budget change. */
export function cooldownMs(previous: HistoryActionType, proposed: ProposedKind): number {
  if (previous === "bid" && proposed === "bid") return BID_COOLDOWN_HOURS * HOUR_MS;
  const hours = proposed === "budget" || previous === "budget" ? BUDGET_COOLDOWN_HOURS : STRUCTURAL_COOLDOWN_HOURS;
  return hours * HOUR_MS;
}

const ACTION_LABEL: Record<HistoryActionType, string> = { pause: "pause", resume: "resume", budget: "budget change", bid: "bid change" };

/** Clamp a budget move to 50% of the current budget and $100, whichever is tighter. */
export function clampBudget(from: number, to: number): { to: number; clamped: boolean } {
  const maxDelta = Math.min(Math.floor(from * MAX_BUDGET_CHANGE_FRACTION), MAX_BUDGET_CHANGE_MINOR);
  const delta = to - from;
  if (Math.abs(delta) <= maxDelta) return { to, clamped: false };
  return { to: from + Math.sign(delta) * maxDelta, clamped: true };
}

const SEVERITY: Record<PerformanceClass, number> = { CRITICAL: 0, FATIGUED: 1, UNDERPERFORMING: 2, HEALTHY: 3, TOP_PERFORMER: 4 };

interface Working {
  candidate: GuardrailCandidate;
  verdict: GuardrailVerdict;
}

function reject(w: Working, code: GuardrailCode, message: string) {
  w.verdict.status = "rejected";
  w.verdict.codes.push(code);
  w.verdict.messages.push(message);
}

function perEntityGates(w: Working, ctx: GuardrailContext) {
  const { candidate: c, verdict: v } = w;
  const off = ctx.disabled;
  const cls = c.classification;

  if (!off?.has("MIN_AGE")) {
    if (isTooYoung(cls.ageMs)) reject(w, "MIN_AGE", tooYoungSentence(cls.ageMs));
    else v.passed.push(MSG.age);
  }

  if (c.kind === "pause" && !off?.has("PROTECTED_CLASS")) {
    if (isProtectedFromPause(cls.classification)) {
      reject(w, "PROTECTED_CLASS", `${cls.classification} entities are never paused.`);
    } else {
      v.passed.push(MSG.notProtected);
    }
  }

  if (c.kind === "pause" && ctx.mode === "refresh" && !c.exemptFromMinSpend && !off?.has("MIN_SPEND")) {
    const spent = c.metrics.lifetimeSpendMinor;
    if (spent < REFRESH_MIN_SPEND_MINOR) {
      reject(w, "MIN_SPEND", `Spent ${formatMoney(spent)} in total (< ${formatMoney(REFRESH_MIN_SPEND_MINOR)} minimum before a refresh pause).`);
    } else {
      v.passed.push(MSG.spend);
    }
  }

  if ((c.kind === "budget" || c.kind === "bid") && !off?.has("MIN_IMPRESSIONS")) {
    const impressions = c.metrics.windows["7d"].impressions;
    if (impressions < MIN_IMPRESSIONS_FOR_BUDGET_OR_BID) {
      reject(
        w,
        "MIN_IMPRESSIONS",
        `Only ${impressions} impressions in 7d (< ${MIN_IMPRESSIONS_FOR_BUDGET_OR_BID} minimum before ${c.kind} changes).`,
      );
    } else {
      v.passed.push(MSG.impressions);
    }
  }

  if (!off?.has("COOLDOWN")) {
    const now = ctx.now.getTime();
    let blocking: { type: HistoryActionType; sinceMs: number; gapMs: number } | null = null;
    for (const action of c.entity.actions) {
      const sinceMs = now - action.at.getTime();
      const gapMs = cooldownMs(action.type, c.kind);
      if (sinceMs < gapMs && (blocking == null || sinceMs < blocking.sinceMs)) blocking = { type: action.type, sinceMs, gapMs };
    }
    if (blocking) {
      const since = blocking.sinceMs < 0 ? "is dated in the future" : `was ${formatHours(blocking.sinceMs)} ago`;
      reject(w, "COOLDOWN", `Cooldown: last ${ACTION_LABEL[blocking.type]} ${since} (< ${blocking.gapMs / HOUR_MS}h).`);
    } else {
      v.passed.push(c.kind === "bid" ? MSG.cooldownBid : MSG.cooldown);
    }
  }

  if (!off?.has("LOW_CONFIDENCE")) {
    if (c.confidence < MIN_CONFIDENCE) {
      reject(w, "LOW_CONFIDENCE", `Confidence ${c.confidence.toFixed(2)} < ${MIN_CONFIDENCE.toFixed(2)} minimum: insufficient data.`);
    } else {
      v.passed.push(MSG.confidence);
    }
  }

  if (c.kind === "budget" && c.from != null && c.to != null) {
    const clamped = off?.has("BUDGET_CLAMPED") ? { to: c.to, clamped: false } : clampBudget(c.from, c.to);
    v.to = clamped.to;
    if (clamped.clamped) {
      v.codes.push("BUDGET_CLAMPED");
      v.messages.push(
        `Budget change clamped from ${formatMoney(Math.abs(c.to - c.from))} to ${formatMoney(Math.abs(clamped.to - c.from))} (max 50% of the current budget and ${formatMoney(MAX_BUDGET_CHANGE_MINOR)} per cycle).`,
      );
    }
    v.passed.push(MSG.budgetBounds);
  }
}

/** Best sibling to keep active: highest score, then lowest 7d CPA, then id. */
function keeperOrder(a: GuardrailCandidate, b: GuardrailCandidate): number {
  const sa = a.classification.score ?? -1;
  const sb = b.classification.score ?? -1;
  if (sa !== sb) return sb - sa;
  const ca = a.classification.inputs.cpa7dMinor ?? Number.POSITIVE_INFINITY;
  const cb = b.classification.inputs.cpa7dMinor ?? Number.POSITIVE_INFINITY;
  if (ca !== cb) return ca < cb ? -1 : 1;
  if (a.entity.id !== b.entity.id) return a.entity.id < b.entity.id ? -1 : 1;
  return a.index - b.index;
}

interface SiblingGroup {
  pauses: Working[];
  active: number;
}

/** Never leave an adset/adgroup without an active ad (nor an Apple adgroup without an active
 * keyword): if the surviving pauses would take every active sibling down, keep the best one.
 * Siblings are grouped per level (ads and keywords separately) and parentId (null = one group). */
function neverEmptyParent(working: Working[], ctx: GuardrailContext) {
  if (ctx.disabled?.has("LAST_ACTIVE_CHILD")) return;
  const groups = { ad: new Map<string, SiblingGroup>(), keyword: new Map<string, SiblingGroup>() };
  let any = false;
  for (const w of working) {
    const e = w.candidate.entity;
    if (w.candidate.kind !== "pause" || w.verdict.status === "rejected" || (e.level !== "ad" && e.level !== "keyword")) continue;
    const byParent = groups[e.level];
    const key = e.parentId ?? "";
    const group = byParent.get(key);
    if (group) group.pauses.push(w);
    else byParent.set(key, { pauses: [w], active: 0 });
    any = true;
  }
  if (!any) return;
  for (const e of ctx.entities) {
    if (e.status !== "active" || (e.level !== "ad" && e.level !== "keyword")) continue;
    const group = groups[e.level].get(e.parentId ?? "");
    if (group) group.active += 1;
  }
  for (const level of ["ad", "keyword"] as const) {
    const label = level === "keyword" ? "adgroup" : "adset";
    const passed = level === "keyword" ? MSG.notLastAdgroup : MSG.notLastAdset;
    for (const group of groups[level].values()) {
      const { pauses } = group;
      if (pauses.length < group.active) {
        for (const w of pauses) w.verdict.passed.push(passed);
        continue;
      }
      let keeper = pauses[0];
      for (const w of pauses) if (keeperOrder(w.candidate, keeper.candidate) < 0) keeper = w;
      for (const w of pauses) {
        if (w === keeper) reject(w, "LAST_ACTIVE_CHILD", `Kept as the best remaining active ${level} so its ${label} is never left empty.`);
        else w.verdict.passed.push(passed);
      }
    }
  }
}

interface Ranked {
  w: Working;
  severity: number;
  spend: number;
  id: string;
  index: number;
}

function rank(w: Working): Ranked {
  const c = w.candidate;
  return {
    w,
    severity: SEVERITY[c.classification.performanceClass],
    spend: c.metrics.windows["7d"].spendMinor,
    id: c.entity.id,
    index: c.index,
  };
}

function byPriority(a: Ranked, b: Ranked): number {
  if (a.severity !== b.severity) return a.severity - b.severity;
  if (a.spend !== b.spend) return b.spend - a.spend;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return a.index - b.index;
}

/** Caps: pauses first by severity (CRITICAL, FATIGUED, UNDERPERFORMING), then 7d spend desc, then
 * id; budget/bid changes after them by 7d spend desc, then id. */
function applyCaps(working: Working[], ctx: GuardrailContext) {
  const pauses: Ranked[] = [];
  const changes: Ranked[] = [];
  for (const w of working) {
    if (w.verdict.status === "rejected") continue;
    const ranked = rank(w);
    if (w.candidate.kind === "pause") pauses.push(ranked);
    else {
      ranked.severity = 0;
      changes.push(ranked);
    }
  }
  pauses.sort(byPriority);
  changes.sort(byPriority);
  const capPauses = !ctx.disabled?.has("CAP_PAUSES");
  const capActions = !ctx.disabled?.has("CAP_ACTIONS");
  let total = 0;
  let paused = 0;
  for (const { w } of pauses) {
    if (capPauses && paused >= MAX_PAUSES_PER_CYCLE) {
      reject(w, "CAP_PAUSES", MSG.capPauses);
    } else if (capActions && total >= MAX_ACTIONS_PER_CYCLE) {
      reject(w, "CAP_ACTIONS", MSG.capActions);
    } else {
      paused += 1;
      total += 1;
      w.verdict.passed.push(MSG.withinPauseCaps);
    }
  }
  for (const { w } of changes) {
    if (capActions && total >= MAX_ACTIONS_PER_CYCLE) {
      reject(w, "CAP_ACTIONS", MSG.capActions);
    } else {
      total += 1;
      w.verdict.passed.push(MSG.withinActionCap);
    }
  }
}

/**
 * Gate proposals (layer gates are checked separately by checkLayerGates, since they stop
 * proposals from being made at all). Returns one verdict per candidate, in candidate order.
 */
export function applyGuardrails(candidates: readonly GuardrailCandidate[], ctx: GuardrailContext): GuardrailVerdict[] {
  const working: Working[] = candidates.map((candidate) => ({
    candidate,
    verdict: { index: candidate.index, status: "approved", to: candidate.to, codes: [], messages: [], passed: [] },
  }));
  for (const w of working) perEntityGates(w, ctx);
  neverEmptyParent(working, ctx);
  applyCaps(working, ctx);
  return working.map((w) => w.verdict);
}

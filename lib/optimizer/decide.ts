// Entry point of the decision core: metrics -> score -> classification -> proposal -> guardrails
// -> one decision per input entity, in input order. Pure: `now` comes from the input, nothing is
// read from the clock, the database or the network, so the same input always yields the same output.
import type { ClassificationResult } from "./classify";
import { classifyEntity } from "./classify";
import type { GuardrailCandidate, GuardrailCode, GuardrailVerdict, LayerGate } from "./guardrails";
import { applyGuardrails, checkLayerGates } from "./guardrails";
import type { Proposal } from "./propose";
import { computeConfidence, proposeAction } from "./propose";
import { changeSentence, performanceSentence, tooYoungSentence } from "./reasons";
import { computePools, SCORING_VERSION } from "./score";
import type { CycleInput, CycleResult, Decision, DecideOptions, EntityInput, EntityMetrics, ReasonCode } from "./types";
import { buildDateIndex, computeWindows } from "./windows";

/** Internal knobs for tests only (mutation checks of the guardrail properties). */
export interface DecideSeams {
  disabledGuardrails?: ReadonlySet<GuardrailCode>;
}

function holdSentence(proposal: Proposal, c: ClassificationResult): string {
  const code = proposal.reasons[0];
  switch (code) {
    case "ENTITY_PAUSED":
      return "Hold — entity is already paused.";
    case "LEARNING_NO_EDITS":
      return "Hold — platform learning phase; no budget or bid edits until it completes.";
    case "WATCHDOG_NOT_CATASTROPHIC":
      return "Hold — the watchdog only pauses entities with $50+ spent and 0 installs in 7d.";
    case "REFRESH_ADS_ONLY":
      return "Hold — the content-refresh step only disables ads and keywords.";
    default:
      break;
  }
  if (c.classification === "TOO_YOUNG") return `Hold — ${tooYoungSentence(c.ageMs).replace(/^Entity/, "entity")}`;
  if (c.classification === "LEARNING_PHASE") return "Hold — platform reports the entity is still learning.";
  if (code === "HOLD_NO_LEVER") return `Hold — ${c.classification} with no budget or bid to adjust at this level.`;
  if (code === "HOLD_WITHIN_TOLERANCE") {
    return `Hold — within performance tolerance${c.score != null ? ` (score ${c.score})` : ""}.`;
  }
  return `Hold — ${performanceSentence(c).replace(/^./, (ch) => ch.toLowerCase())}`;
}

function actionSentence(proposal: Proposal, c: ClassificationResult, to: number | undefined): string {
  if (proposal.kind === "pause") {
    if (proposal.reasons.includes("NO_METRICS_30D")) {
      return `No metrics recorded in ${c.inputs.ageDays} days since launch (> 30d); disabling the idle ad.`;
    }
    return performanceSentence(c);
  }
  if (proposal.kind === "budget" || proposal.kind === "bid") return changeSentence(proposal.kind, proposal.from, to ?? proposal.to, c);
  return holdSentence(proposal, c);
}

function baseDecision(entity: EntityInput, metrics: EntityMetrics, c: ClassificationResult, confidence: number): Decision {
  return {
    entityId: entity.id,
    level: entity.level,
    classification: c.classification,
    score: c.score,
    action: "hold",
    status: "none",
    confidence,
    // The classification's array is owned by this entity alone: extended in place, not copied.
    reasons: c.reasons,
    sentence: "",
    guardrailsPassed: [],
    inputs: c.inputs,
    metrics: metrics.windows,
  };
}

export function decideCycleWithSeams(input: CycleInput, options: DecideOptions, seams: DecideSeams): CycleResult {
  const { now, layer, settings, entities } = input;
  const mode = options.mode;
  const dateIndex = buildDateIndex(now);
  // The database shell aggregates windows in SQL (3M rows never cross the wire); plain inputs carry daily rows.
  const metrics = entities.map((entity) => entity.precomputed ?? computeWindows(entity.metrics, dateIndex));
  const pools = computePools(entities, metrics);
  const gates: LayerGate[] = checkLayerGates(layer, now, seams.disabledGuardrails);

  const decisions: Decision[] = new Array(entities.length);
  const proposals: (Proposal | null)[] = new Array(entities.length);
  const classifications: ClassificationResult[] = new Array(entities.length);
  const candidates: GuardrailCandidate[] = [];

  for (let i = 0; i < entities.length; i += 1) {
    const entity = entities[i];
    const pool = pools[entity.level];
    const c = classifyEntity(entity, metrics[i], {
      now,
      platform: layer.platform,
      pool,
      targetCpaMinor: settings.targetCpaMinor,
    });
    classifications[i] = c;
    const confidence = computeConfidence(metrics[i], settings.targetCpaMinor ?? pool.cpaMinor);
    const decision = baseDecision(entity, metrics[i], c, confidence);
    decisions[i] = decision;

    if (gates.length > 0) {
      decision.reasons.unshift(...gates.map((g) => g.code));
      decision.sentence = gates[0].sentence;
      continue;
    }

    const proposal = proposeAction(entity, metrics[i], c, { mode, platform: layer.platform, targetCpaMinor: settings.targetCpaMinor });
    proposals[i] = proposal;
    decision.reasons.push(...proposal.reasons);
    if (proposal.kind === "hold") {
      decision.sentence = holdSentence(proposal, c);
      continue;
    }
    const fallback = proposal.kind === "pause" && proposal.fallback;
    // Idle for 30+ days is itself the evidence for the refresh fallback; metrics cannot add to it.
    if (fallback) decision.confidence = 1;
    candidates.push({
      index: i,
      entity,
      metrics: metrics[i],
      classification: c,
      kind: proposal.kind,
      from: proposal.kind === "pause" ? undefined : proposal.from,
      to: proposal.kind === "pause" ? undefined : proposal.to,
      confidence: decision.confidence,
      exemptFromMinSpend: fallback,
    });
  }

  const verdicts: GuardrailVerdict[] = applyGuardrails(candidates, { now, mode, entities, disabled: seams.disabledGuardrails });

  const summary = { approved: 0, rejected: 0, pauses: 0, actions: 0 };
  for (const verdict of verdicts) {
    const i = verdict.index;
    const proposal = proposals[i]!;
    const decision = decisions[i];
    const c = classifications[i];
    decision.action = proposal.kind === "hold" ? "hold" : proposal.kind;
    decision.status = verdict.status;
    decision.guardrailsPassed = verdict.passed;
    decision.reasons.push(...(verdict.codes as ReasonCode[]));
    if (proposal.kind === "budget" || proposal.kind === "bid") {
      decision.from = proposal.from;
      decision.to = verdict.to ?? proposal.to;
    }
    if (verdict.status === "approved") {
      summary.approved += 1;
      summary.actions += 1;
      if (proposal.kind === "pause") summary.pauses += 1;
      const clampNote = verdict.codes.includes("BUDGET_CLAMPED") ? ` ${verdict.messages[verdict.codes.indexOf("BUDGET_CLAMPED")]}` : "";
      decision.sentence = actionSentence(proposal, c, decision.to) + clampNote;
    } else {
      summary.rejected += 1;
      const first = verdict.codes.findIndex((code) => code !== "BUDGET_CLAMPED");
      decision.sentence = verdict.messages[first];
    }
  }

  return { scoringVersion: SCORING_VERSION, mode, decisions, summary };
}

/** Decide one optimizer cycle for one ad layer. `mode` defaults to the full 6-hourly cycle. */
export function decideCycle(input: CycleInput, options: DecideOptions = { mode: "cycle" }): CycleResult {
  return decideCycleWithSeams(input, options, {});
}

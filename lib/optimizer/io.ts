// JSON boundary of the optimizer (CLI, fixtures): money in MAJOR units outside, minor units inside.
// Validation names the exact bad field ("entities[2].createdAt: Invalid ISO datetime") because
// these files are written by hand when reproducing a decision.
import { z } from "zod";
import { formatIssuePath } from "@/lib/validation/issue-path";
import type { CycleInput, CycleResult, Decision, DecisionInputs } from "./types";

export { formatIssuePath };

const ZIsoDateTime = z.iso.datetime({ offset: true });
const ZMoney = z.number().finite().nonnegative();
const ZCount = z.number().int().nonnegative();

const ZMetric = z.object({
  date: z.iso.date(),
  spend: ZMoney,
  impressions: ZCount,
  clicks: ZCount,
  installs: ZCount,
  revenue: ZMoney.nullable().optional(),
  frequency: z.number().finite().nonnegative().nullable().optional(),
});

const ZAction = z.object({
  type: z.enum(["pause", "resume", "budget", "bid"]),
  at: ZIsoDateTime,
});

const ZEntity = z.object({
  id: z.string().min(1, "must be a non-empty string"),
  level: z.enum(["campaign", "adset", "ad", "keyword"]),
  parentId: z.string().min(1, "must be a non-empty string or null").nullable(),
  createdAt: ZIsoDateTime,
  status: z.enum(["active", "paused"]),
  learning: z.boolean(),
  dailyBudget: ZMoney.nullable(),
  bid: ZMoney.nullable(),
  actions: z.array(ZAction),
  metrics: z.array(ZMetric),
});

export const ZOptimizerInput = z
  .object({
    now: ZIsoDateTime,
    layer: z.object({
      platform: z.enum(["meta", "tiktok", "apple_search_ads"]),
      paused: z.boolean(),
      lastSyncAt: ZIsoDateTime.nullable(),
    }),
    settings: z.object({ targetCpa: z.number().finite().positive().nullable() }),
    entities: z.array(ZEntity),
  })
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.entities.forEach((entity, index) => {
      if (seen.has(entity.id)) ctx.addIssue({ code: "custom", path: ["entities", index, "id"], message: `duplicate entity id "${entity.id}"` });
      seen.add(entity.id);
    });
  });

export type OptimizerInputJson = z.infer<typeof ZOptimizerInput>;


export const toMinor = (major: number): number => Math.round(major * 100);
export const toMajor = (minor: number): number => Math.round(minor) / 100;
const toMajorOrNull = (minor: number | null): number | null => (minor == null ? null : Math.round(minor) / 100);

export type ParseOptimizerResult = { ok: true; input: CycleInput } | { ok: false; errors: string[] };

export function parseOptimizerInput(raw: unknown): ParseOptimizerResult {
  const parsed = ZOptimizerInput.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`) };
  }
  const data = parsed.data;
  return {
    ok: true,
    input: {
      now: new Date(data.now),
      layer: {
        platform: data.layer.platform,
        paused: data.layer.paused,
        lastSyncAt: data.layer.lastSyncAt == null ? null : new Date(data.layer.lastSyncAt),
      },
      settings: { targetCpaMinor: data.settings.targetCpa == null ? null : toMinor(data.settings.targetCpa) },
      entities: data.entities.map((e) => ({
        id: e.id,
        level: e.level,
        parentId: e.parentId,
        createdAt: new Date(e.createdAt),
        status: e.status,
        learning: e.learning,
        dailyBudgetMinor: e.dailyBudget == null ? null : toMinor(e.dailyBudget),
        bidMinor: e.bid == null ? null : toMinor(e.bid),
        actions: e.actions.map((a) => ({ type: a.type, at: new Date(a.at) })),
        metrics: e.metrics.map((m) => ({
          date: m.date,
          spendMinor: toMinor(m.spend),
          impressions: m.impressions,
          clicks: m.clicks,
          installs: m.installs,
          revenueMinor: m.revenue == null ? null : toMinor(m.revenue),
          frequency: m.frequency ?? null,
        })),
      })),
    },
  };
}

function inputsToMajor(i: DecisionInputs) {
  return {
    spend7d: toMajor(i.spend7dMinor),
    impressions7d: i.impressions7d,
    installs7d: i.installs7d,
    cpa7d: toMajorOrNull(i.cpa7dMinor),
    cpa3d: toMajorOrNull(i.cpa3dMinor),
    cpa14d: toMajorOrNull(i.cpa14dMinor),
    poolCpa7d: toMajorOrNull(i.poolCpa7dMinor),
    targetCpa: toMajorOrNull(i.targetCpaMinor),
    frequency7d: i.frequency7d == null ? null : Math.round(i.frequency7d * 100) / 100,
    ageDays: i.ageDays,
    lifetimeSpend: toMajor(i.lifetimeSpendMinor),
    dailyBudget: toMajorOrNull(i.dailyBudgetMinor),
    bid: toMajorOrNull(i.bidMinor),
    learning: i.learning,
    status: i.status,
  };
}

function decisionToJson(d: Decision) {
  return {
    entityId: d.entityId,
    level: d.level,
    classification: d.classification,
    score: d.score,
    action: d.action,
    status: d.status,
    ...(d.from !== undefined ? { from: toMajor(d.from) } : {}),
    ...(d.to !== undefined ? { to: toMajor(d.to) } : {}),
    confidence: d.confidence,
    reasons: d.reasons,
    sentence: d.sentence,
    guardrailsPassed: d.guardrailsPassed,
    inputs: inputsToMajor(d.inputs),
  };
}

export type OptimizerOutputJson = ReturnType<typeof resultToJson>;

/** The CLI document: money back in major units; window snapshots are left to the API. */
export function resultToJson(result: CycleResult) {
  return {
    scoringVersion: result.scoringVersion,
    mode: result.mode,
    decisions: result.decisions.map(decisionToJson),
    summary: result.summary,
  };
}

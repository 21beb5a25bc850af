import { clamp, roundScore } from "./math";

/** clamp(2, 10, 7 − 5·ageDays/30 + min(3, spend30dUsd/33.3)) — generated and manual pools. */
export const GENERATED_FORMULA = {
  base: 7,
  agePenaltyPer30Days: 5,
  spendUsdPerPoint: 33.3,
  maxSpendBonus: 3,
  min: 2,
  max: 10,
} as const;

export interface GeneratedScoreInput {
  ageDays: number;
  /** 30-day spend in USD minor units (cents). */
  spend30dMinor: number;
  safetyFailed?: boolean;
}

export interface GeneratedScoreBreakdown {
  ageDays: number;
  spend30dUsd: number;
  ageTerm: number;
  spendBonus: number;
}

export function generatedScoreBreakdown(input: GeneratedScoreInput): GeneratedScoreBreakdown {
  if (!Number.isFinite(input.ageDays) || !Number.isFinite(input.spend30dMinor)) {
    throw new RangeError("ageDays and spend30dMinor must be finite");
  }
  const f = GENERATED_FORMULA;
  const ageDays = Math.max(0, input.ageDays);
  const spend30dUsd = Math.max(0, input.spend30dMinor) / 100;
  return {
    ageDays,
    spend30dUsd,
    ageTerm: (f.agePenaltyPer30Days * ageDays) / 30,
    spendBonus: Math.min(f.maxSpendBonus, spend30dUsd / f.spendUsdPerPoint),
  };
}

/** 0 when safetyFailed (not overridable), else the clamped formula rounded to two decimals. */
export function scoreGeneratedOrManual(input: GeneratedScoreInput): number {
  if (input.safetyFailed) return 0;
  const b = generatedScoreBreakdown(input);
  const f = GENERATED_FORMULA;
  return roundScore(clamp(f.min, f.max, f.base - b.ageTerm + b.spendBonus));
}

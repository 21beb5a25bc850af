/**
 * In-memory AdPlatformClient for tests: entities and metrics live in Maps, every call is recorded,
 * and any method can be told to fail (once, N times, or when a predicate matches).
 */
import { applyChangesSequentially } from "./changes";
import { InvalidRequestError, NotFoundError, type PlatformError } from "./errors";
import { assertMinor } from "./money";
import {
  assertDateRange,
  type AccountHealth,
  type AdPlatformClient,
  type ChangeResult,
  type CreateAdInput,
  type DailyMetricRow,
  type DateRange,
  type EntityChange,
  type EntityLevel,
  type Platform,
  type PlatformEntity,
} from "./types";

export type MemoryMethod =
  | "listEntities"
  | "fetchDailyMetrics"
  | "pause"
  | "resume"
  | "setDailyBudget"
  | "setBid"
  | "createAd"
  | "getAccountHealth"
  | "applyChanges";

export interface RecordedCall {
  method: MemoryMethod;
  args: unknown[];
  /** Sequence number across all calls of this client. */
  seq: number;
  /** "ok" or the error the call threw. */
  outcome: "ok" | PlatformError | Error;
}

interface FailureRule {
  method: MemoryMethod;
  error: PlatformError | Error | ((args: unknown[]) => PlatformError | Error | null);
  remaining: number;
}

export interface MemoryClientOptions {
  platform?: Platform;
  entities?: PlatformEntity[];
  metrics?: DailyMetricRow[];
  health?: AccountHealth;
  /** Clock for createdAt of created ads. */
  now?: () => Date;
  /**
   * Expose a bulk `applyChanges` (default false: callers use the sequential fallback). It records an
   * "applyChanges" call and then the single calls it makes, each subject to failure rules.
   */
  bulk?: boolean;
}

const metricKey = (level: EntityLevel, platformId: string, date: string) => `${level}\u0000${platformId}\u0000${date}`;

export class InMemoryPlatformClient implements AdPlatformClient {
  readonly platform: Platform;
  readonly entities = new Map<string, PlatformEntity>();
  readonly metrics = new Map<string, DailyMetricRow>();
  readonly calls: RecordedCall[] = [];
  health: AccountHealth = { status: "ok", spendCapReached: false, paymentIssue: false, message: null };
  private readonly failures: FailureRule[] = [];
  private readonly createdByKey = new Map<string, string>();
  private readonly now: () => Date;
  private nextId = 1;
  private seq = 0;
  applyChanges?: (changes: EntityChange[]) => Promise<ChangeResult[]>;

  constructor(options: MemoryClientOptions = {}) {
    this.platform = options.platform ?? "meta";
    this.now = options.now ?? (() => new Date());
    for (const e of options.entities ?? []) this.setEntity(e);
    this.upsertMetrics(options.metrics ?? []);
    if (options.health) this.health = options.health;
    if (options.bulk) {
      this.applyChanges = (changes) => this.run("applyChanges", [changes], () => applyChangesSequentially(this, changes));
    }
  }

  // --------------------------------------------------------------------------------- test setup

  setEntity(entity: PlatformEntity): this {
    this.entities.set(entity.platformId, { ...entity });
    return this;
  }

  upsertMetrics(rows: DailyMetricRow[]): this {
    for (const r of rows) this.metrics.set(metricKey(r.level, r.platformId, r.date), { ...r });
    return this;
  }

  setHealth(health: AccountHealth): this {
    this.health = health;
    return this;
  }

  /** Make the next `times` calls of `method` throw `error` (a function can decide per call; return null to pass). */
  failOn(method: MemoryMethod, error: FailureRule["error"], times = 1): this {
    this.failures.push({ method, error, remaining: times });
    return this;
  }

  /** Fail every call of `method` until `clearFailures()`. */
  failAlways(method: MemoryMethod, error: FailureRule["error"]): this {
    return this.failOn(method, error, Number.POSITIVE_INFINITY);
  }

  clearFailures(): this {
    this.failures.length = 0;
    return this;
  }

  callsTo(method: MemoryMethod): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  getEntity(platformId: string): PlatformEntity | undefined {
    const e = this.entities.get(platformId);
    return e ? { ...e } : undefined;
  }

  // ------------------------------------------------------------------------------------ plumbing

  private pickFailure(method: MemoryMethod, args: unknown[]): PlatformError | Error | null {
    for (const rule of this.failures) {
      if (rule.method !== method || rule.remaining <= 0) continue;
      const error = typeof rule.error === "function" ? rule.error(args) : rule.error;
      if (error === null) continue;
      rule.remaining -= 1;
      return error;
    }
    return null;
  }

  private async run<T>(method: MemoryMethod, args: unknown[], fn: () => T | Promise<T>): Promise<T> {
    const call: RecordedCall = { method, args: structuredCloneSafe(args), seq: ++this.seq, outcome: "ok" };
    this.calls.push(call);
    const failure = this.pickFailure(method, args);
    if (failure) {
      call.outcome = failure;
      throw failure;
    }
    try {
      return await fn();
    } catch (error) {
      call.outcome = error as Error;
      throw error;
    }
  }

  private find(platformId: string, level: EntityLevel): PlatformEntity {
    const e = this.entities.get(platformId);
    if (!e || e.level !== level || e.status === "deleted") {
      throw new NotFoundError({ platform: this.platform, code: "not_found", message: `no ${level} ${platformId}` });
    }
    return e;
  }

  // ------------------------------------------------------------------------------------- methods

  listEntities(): Promise<PlatformEntity[]> {
    return this.run("listEntities", [], () => [...this.entities.values()].map((e) => ({ ...e })));
  }

  fetchDailyMetrics(range: DateRange, level?: EntityLevel): Promise<DailyMetricRow[]> {
    return this.run("fetchDailyMetrics", [range, level], () => {
      assertDateRange(range);
      const wanted = level ?? (this.platform === "apple_search_ads" ? "keyword" : "ad");
      return [...this.metrics.values()]
        .filter((r) => r.level === wanted && r.date >= range.from && r.date <= range.to)
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.platformId < b.platformId ? -1 : a.platformId > b.platformId ? 1 : 0))
        .map((r) => ({ ...r }));
    });
  }

  pause(platformId: string, level: EntityLevel): Promise<void> {
    return this.run("pause", [platformId, level], () => {
      this.find(platformId, level).status = "paused";
    });
  }

  resume(platformId: string, level: EntityLevel): Promise<void> {
    return this.run("resume", [platformId, level], () => {
      this.find(platformId, level).status = "active";
    });
  }

  setDailyBudget(platformId: string, level: EntityLevel, amountMinor: number): Promise<void> {
    return this.run("setDailyBudget", [platformId, level, amountMinor], () => {
      assertMinor(amountMinor);
      if (amountMinor <= 0) throw new InvalidRequestError({ platform: this.platform, code: "invalid_budget", message: "daily budget must be positive" });
      this.find(platformId, level).dailyBudgetMinor = amountMinor;
    });
  }

  setBid(platformId: string, level: EntityLevel, amountMinor: number): Promise<void> {
    return this.run("setBid", [platformId, level, amountMinor], () => {
      assertMinor(amountMinor);
      if (amountMinor <= 0) throw new InvalidRequestError({ platform: this.platform, code: "invalid_bid", message: "bid must be positive" });
      this.find(platformId, level).bidMinor = amountMinor;
    });
  }

  createAd(input: CreateAdInput): Promise<{ platformId: string }> {
    return this.run("createAd", [input], () => {
      const known = this.createdByKey.get(input.idempotencyKey);
      if (known) return { platformId: known };
      const parent = this.find(input.adsetPlatformId, "adset");
      let platformId = `mem_ad_${this.nextId++}`;
      while (this.entities.has(platformId)) platformId = `mem_ad_${this.nextId++}`;
      this.entities.set(platformId, {
        platformId,
        level: "ad",
        parentPlatformId: parent.platformId,
        name: input.name,
        status: "active",
        learning: true,
        dailyBudgetMinor: null,
        bidMinor: null,
        createdAt: this.now(),
        creativeRef: input.creativeRef,
      });
      this.createdByKey.set(input.idempotencyKey, platformId);
      return { platformId };
    });
  }

  getAccountHealth(): Promise<AccountHealth> {
    return this.run("getAccountHealth", [], () => ({ ...this.health }));
  }
}

function structuredCloneSafe(args: unknown[]): unknown[] {
  try {
    return structuredClone(args);
  } catch {
    return [...args];
  }
}

export function createMemoryClient(options: MemoryClientOptions = {}): InMemoryPlatformClient {
  return new InMemoryPlatformClient(options);
}

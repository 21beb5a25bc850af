/**
 * Apple Ads Platform API v1 connector (https://api.ads.apple.com/v1). The Campaign Management API v5
 * is retired on 2027-01-26, so nothing here uses v5.
 *
 * - Auth: OAuth client credentials (see ./auth); `Authorization: Bearer <token>` and
 *   `X-AP-Context: adAccountId=<id>` on every call. The token is cached until expiry and refreshed
 *   once on a 401 before giving up with AuthExpired.
 * - Entities: `POST /{campaigns,adgroups,keywords,ads}/query` (QueryRequest: filters, pagination
 *   offset/pageSize); keywords and ads are queried with `adGroupId IN [...]`.
 * - Reports: `POST /reports/apps/{keywords,adgroups,campaigns,ads}/query` per campaign (every apps
 *   report needs a campaignId filter), granularity DAILY (a single day omits granularity and reads
 *   totalMetrics), rows `metadata.id` + `granularMetrics[].date`.
 * - Writes: `PUT /{campaigns,adgroups,ads,keywords}/{id}` partial updates (status ENABLED/PAUSED,
 *   campaign `dailyBudget.value`, keyword `bid`, ad group `bidStrategy.bid`), money as decimal strings
 *   with currency; bulk keyword changes via `POST /keywords/bulk-update` with allowPartialSuccess.
 * - Keywords are the bid unit on Apple: `level: "keyword"` entities have `parentPlatformId` = ad group.
 */
import { applyChangesSequentially } from "../changes";
import { InvalidRequestError, PlatformOutageError } from "../errors";
import {
  createMemoryIdempotencyStore,
  int,
  isRecord,
  joinUrl,
  num,
  sendRequest,
  str,
  type FetchLike,
  type IdempotencyStore,
} from "../http";
import { assertMinor, decimalToMinor, minorToDecimalString } from "../money";
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
  type EntityStatus,
  type PlatformEntity,
} from "../types";
import { AppleTokenProvider, APPLE_TOKEN_URL } from "./auth";
import { mapAppleBulkItemError, mapAppleError } from "./errors";

export const APPLE_ADS_BASE_URL = "https://api.ads.apple.com/v1";
export const APPLE_PAGE_SIZE = 1000;
/** adGroupId IN accepts up to 1000 values (Query Keywords doc). */
export const APPLE_MAX_IN_VALUES = 1000;
export const APPLE_BULK_CHUNK = 500;

export interface AppleClientOptions {
  clientId: string;
  teamId: string;
  keyId: string;
  privateKeyPem: string;
  /** Used as the ad account id when `adAccountId` is not given. */
  orgId: string;
  /** Platform API ad account id (X-AP-Context: adAccountId=…). */
  adAccountId?: string;
  baseUrl?: string;
  tokenUrl?: string;
  fetch?: FetchLike;
  timeoutMs?: number;
  now?: () => number;
  /** Account currency; looked up from `GET /ad-accounts/{id}` when omitted. */
  currency?: string;
  /** Report time zone: "ORTZ" (account time zone, default) or "UTC". */
  reportTimeZone?: "ORTZ" | "UTC";
  idempotencyStore?: IdempotencyStore;
  /** Share one token provider between clients of the same API user. */
  tokenProvider?: AppleTokenProvider;
}

type Json = Record<string, unknown>;

const LEVEL_PATH: Record<EntityLevel, string> = { campaign: "campaigns", adset: "adgroups", ad: "ads", keyword: "keywords" };

function mapStatus(row: Json): EntityStatus {
  if (row.deleted === true) return "deleted";
  return (str(row.status) ?? "").toUpperCase() === "PAUSED" ? "paused" : "active";
}

/** Apple times: "2025-01-10T08:00:00.000" (no zone; UTC). */
function parseTime(value: unknown): Date {
  const s = str(value);
  if (!s) return new Date(0);
  const d = new Date(/[zZ]|[+-]\d{2}:?\d{2}$/.test(s) ? s : `${s}Z`);
  return Number.isNaN(d.getTime()) ? new Date(0) : d;
}

/** Ids go out as JSON numbers when they are safe integers (as in Apple's examples). */
function idValue(id: string): number | string {
  const n = Number(id);
  return /^\d+$/.test(id) && Number.isSafeInteger(n) ? n : id;
}

function money(value: unknown): { minor: number; currency: string | null } | null {
  if (!isRecord(value)) return null;
  const amount = str(value.amount);
  if (amount === null || amount === "") return null;
  const currency = str(value.currency);
  return { minor: decimalToMinor(amount, currency), currency };
}

export class AppleAdsClient implements AdPlatformClient {
  readonly platform = "apple_search_ads" as const;
  private readonly base: string;
  private readonly fetchImpl: FetchLike;
  private readonly tokens: AppleTokenProvider;
  private readonly adAccountId: string;
  private readonly idempotency: IdempotencyStore;
  private knownCurrency: string | null;

  constructor(private readonly opts: AppleClientOptions) {
    for (const k of ["clientId", "teamId", "keyId", "privateKeyPem", "orgId"] as const) {
      if (!opts[k]) throw new TypeError(`Apple ${k} is required`);
    }
    this.base = opts.baseUrl ?? APPLE_ADS_BASE_URL;
    this.fetchImpl = opts.fetch ?? ((input, init) => fetch(input, init));
    this.adAccountId = opts.adAccountId ?? opts.orgId;
    this.knownCurrency = opts.currency ?? null;
    this.idempotency = opts.idempotencyStore ?? createMemoryIdempotencyStore();
    this.tokens =
      opts.tokenProvider ??
      new AppleTokenProvider({
        clientId: opts.clientId,
        teamId: opts.teamId,
        keyId: opts.keyId,
        privateKeyPem: opts.privateKeyPem,
        tokenUrl: opts.tokenUrl ?? APPLE_TOKEN_URL,
        fetch: this.fetchImpl,
        timeoutMs: opts.timeoutMs,
        now: opts.now,
      });
  }

  // ------------------------------------------------------------------------------------------ http

  private async call(method: "GET" | "POST" | "PUT", path: string, body?: unknown): Promise<Json> {
    for (let attempt = 1; ; attempt++) {
      const token = await this.tokens.getToken();
      const headers: Record<string, string> = {
        authorization: `Bearer ${token}`,
        "x-ap-context": `adAccountId=${this.adAccountId}`,
        accept: "application/json",
      };
      if (body !== undefined) headers["content-type"] = "application/json";
      const res = await sendRequest({
        platform: "apple_search_ads",
        fetch: this.fetchImpl,
        method,
        url: joinUrl(this.base, path),
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        timeoutMs: this.opts.timeoutMs,
      });
      if (res.status === 401 && attempt === 1) {
        this.tokens.invalidate(); // expired or revoked token: get a fresh one and try once more
        continue;
      }
      const json = isRecord(res.json) ? res.json : null;
      if (res.status >= 400 || (json !== null && isRecord(json.error) && json.result === undefined)) {
        throw mapAppleError({ httpStatus: res.status, body: res.json ?? res.text, headers: res.headers });
      }
      if (json === null) {
        if (res.text.trim() === "") return {};
        throw new PlatformOutageError({ platform: "apple_search_ads", code: "bad_response", message: `${path}: response is not JSON`, httpStatus: res.status });
      }
      return json;
    }
  }

  /** POST a /query endpoint page by page (offset pagination). */
  private async queryAll(path: string, request: Json): Promise<Json[]> {
    const out: Json[] = [];
    for (let offset = 0; ; ) {
      const res = await this.call("POST", path, { ...request, pagination: { offset, pageSize: APPLE_PAGE_SIZE, fetchTotalCount: true } });
      const rows = Array.isArray(res.result) ? res.result.filter(isRecord) : [];
      out.push(...rows);
      const total = isRecord(res.pagination) ? num(res.pagination.totalCount, NaN) : NaN;
      offset += rows.length;
      if (rows.length === 0 || (Number.isFinite(total) ? offset >= total : rows.length < APPLE_PAGE_SIZE)) break;
    }
    return out;
  }

  private async currency(): Promise<string> {
    if (this.knownCurrency) return this.knownCurrency;
    const account = await this.getAdAccount();
    this.knownCurrency = str(account.currency) ?? "USD";
    return this.knownCurrency;
  }

  private async getAdAccount(): Promise<Json> {
    const res = await this.call("GET", `ad-accounts/${encodeURIComponent(this.adAccountId)}`);
    return isRecord(res.result) ? res.result : {};
  }

  // ------------------------------------------------------------------------------------- reads

  private async listCampaigns(): Promise<Json[]> {
    return this.queryAll("campaigns/query", {});
  }

  async listEntities(): Promise<PlatformEntity[]> {
    const campaigns = await this.listCampaigns();
    const adgroups = await this.queryAll("adgroups/query", {});
    const adgroupIds = adgroups.map((g) => String(g.id));
    const keywords: Json[] = [];
    const ads: Json[] = [];
    for (let i = 0; i < adgroupIds.length; i += APPLE_MAX_IN_VALUES) {
      const filters = [{ field: "adGroupId", operator: "IN", value: adgroupIds.slice(i, i + APPLE_MAX_IN_VALUES).map(idValue) }];
      keywords.push(...(await this.queryAll("keywords/query", { filters })));
      ads.push(...(await this.queryAll("ads/query", { filters })));
    }

    const out: PlatformEntity[] = [];
    for (const c of campaigns) {
      const budget = money(isRecord(c.dailyBudget) ? c.dailyBudget.value : null);
      if (budget?.currency) this.knownCurrency ??= budget.currency;
      out.push({
        platformId: String(c.id),
        level: "campaign",
        parentPlatformId: null,
        name: str(c.name) ?? "",
        status: mapStatus(c),
        learning: false,
        dailyBudgetMinor: budget?.minor ?? null,
        bidMinor: null,
        createdAt: parseTime(c.creationTime),
        currency: budget?.currency ?? null,
        platformStatus: str(c.displayStatus) ?? str(c.systemStatus),
      });
    }
    for (const g of adgroups) {
      const bid = money(isRecord(g.bidStrategy) ? g.bidStrategy.bid : null);
      out.push({
        platformId: String(g.id),
        level: "adset",
        parentPlatformId: str(g.campaignId),
        name: str(g.name) ?? "",
        status: mapStatus(g),
        learning: false,
        dailyBudgetMinor: null,
        bidMinor: bid?.minor ?? null,
        createdAt: parseTime(g.creationTime),
        currency: bid?.currency ?? null,
        platformStatus: str(g.displayStatus) ?? str(g.systemStatus),
      });
    }
    for (const k of keywords) {
      const bid = money(k.bid ?? k.bidAmount);
      if (bid?.currency) this.knownCurrency ??= bid.currency;
      out.push({
        platformId: String(k.id),
        level: "keyword",
        parentPlatformId: str(k.adGroupId),
        name: `${str(k.text) ?? ""}${k.matchType ? ` [${String(k.matchType).toLowerCase()}]` : ""}`,
        status: mapStatus(k),
        learning: false,
        dailyBudgetMinor: null,
        bidMinor: bid?.minor ?? null,
        createdAt: parseTime(k.creationTime),
        currency: bid?.currency ?? null,
        platformStatus: str(k.displayStatus) ?? str(k.status),
      });
    }
    for (const a of ads) {
      out.push({
        platformId: String(a.id),
        level: "ad",
        parentPlatformId: str(a.adGroupId),
        name: str(a.name) ?? "",
        status: mapStatus(a),
        learning: false,
        dailyBudgetMinor: null,
        bidMinor: null,
        createdAt: parseTime(a.creationTime),
        creativeRef: str(a.creativeId),
        platformStatus: str(a.displayStatus) ?? str(a.systemStatus),
      });
    }
    return out;
  }

  async fetchDailyMetrics(range: DateRange, level: EntityLevel = "keyword"): Promise<DailyMetricRow[]> {
    assertDateRange(range);
    const campaigns = (await this.listCampaigns()).filter((c) => {
      const type = str(c.promotedObjectType);
      return type === null || type === "APPSTORE_APP";
    });
    const singleDay = range.from === range.to;
    const timeRange: Json = { start: range.from, end: range.to, timeZone: this.opts.reportTimeZone ?? "ORTZ" };
    if (!singleDay) timeRange.granularity = "DAILY";

    const out: DailyMetricRow[] = [];
    for (const campaign of campaigns) {
      const rows = await this.reportAll(`reports/apps/${LEVEL_PATH[level]}/query`, {
        timeRange,
        filters: [{ field: "campaignId", operator: "EQUALS", value: String(campaign.id) }],
      });
      for (const row of rows) {
        const meta = isRecord(row.metadata) ? row.metadata : {};
        const id = str(meta.id) ?? (level === "campaign" ? String(campaign.id) : null);
        if (id === null) continue;
        const buckets: Json[] = singleDay
          ? isRecord(row.totalMetrics)
            ? [{ ...row.totalMetrics, date: range.from }]
            : []
          : Array.isArray(row.granularMetrics)
            ? row.granularMetrics.filter(isRecord)
            : [];
        for (const m of buckets) {
          const spend = money(m.localSpend);
          const installs = int(m.totalInstalls ?? m.tapInstalls);
          out.push({
            platformId: id,
            level,
            date: (str(m.date) ?? range.from).slice(0, 10),
            spendMinor: spend?.minor ?? 0,
            impressions: int(m.impressions),
            clicks: int(m.taps),
            installs,
            conversions: installs,
            revenueMinor: null,
            frequency: null,
          });
        }
      }
    }
    return out;
  }

  /** Report endpoints return `{ result: { rows }, pagination }`. */
  private async reportAll(path: string, request: Json): Promise<Json[]> {
    const out: Json[] = [];
    for (let offset = 0; ; ) {
      const res = await this.call("POST", path, { ...request, pagination: { offset, pageSize: APPLE_PAGE_SIZE } });
      const result = isRecord(res.result) ? res.result : {};
      const rows = Array.isArray(result.rows) ? result.rows.filter(isRecord) : [];
      out.push(...rows);
      const total = isRecord(res.pagination) ? num(res.pagination.totalCount, NaN) : NaN;
      offset += rows.length;
      if (rows.length === 0 || (Number.isFinite(total) ? offset >= total : rows.length < APPLE_PAGE_SIZE)) break;
    }
    return out;
  }

  async getAccountHealth(): Promise<AccountHealth> {
    const account = await this.getAdAccount();
    if (str(account.currency)) this.knownCurrency = str(account.currency);
    const status = (str(account.systemStatus) ?? "").toUpperCase();
    const reasons = Array.isArray(account.systemStatusReasons) ? account.systemStatusReasons.map((r) => String(r)) : [];
    const paymentIssue = reasons.some((r) => /PAYMENT|BILLING|CREDIT|INVOICE/i.test(r));
    let overall: AccountHealth["status"] = "restricted";
    if (status === "ACTIVE") overall = paymentIssue ? "restricted" : "ok";
    else if (/DISABLED|CLOSED|SUSPENDED|TERMINATED|INACTIVE/.test(status)) overall = "disabled";
    const msgParts = [status !== "ACTIVE" ? status || "unknown ad account status" : null, ...reasons].filter((p): p is string => !!p);
    return {
      status: overall,
      spendCapReached: reasons.some((r) => /BUDGET.*(EXHAUSTED|REACHED)|SPEND_CAP/i.test(r)),
      paymentIssue,
      message: msgParts.length ? msgParts.join("; ") : null,
    };
  }

  // ------------------------------------------------------------------------------------ writes

  private invalid(message: string): InvalidRequestError {
    return new InvalidRequestError({ platform: "apple_search_ads", code: "unsupported", message });
  }

  /** PUT body for one change (partial update). */
  private async updateBody(change: EntityChange): Promise<Json> {
    switch (change.kind) {
      case "pause":
      case "resume":
        return { status: change.kind === "pause" ? "PAUSED" : "ENABLED" };
      case "set_daily_budget": {
        assertMinor(change.amountMinor);
        if (change.level !== "campaign") throw this.invalid(`Apple daily budgets live on campaigns, not ${change.level}s`);
        if (change.amountMinor <= 0) throw this.invalid("daily budget must be positive");
        const currency = await this.currency();
        return { dailyBudget: { value: { amount: minorToDecimalString(change.amountMinor, currency), currency } } };
      }
      case "set_bid": {
        assertMinor(change.amountMinor);
        if (change.amountMinor <= 0) throw this.invalid("bid must be positive");
        const currency = await this.currency();
        const bid = { amount: minorToDecimalString(change.amountMinor, currency), currency };
        if (change.level === "keyword") return { bid };
        if (change.level === "adset") return { bidStrategy: { bid } };
        throw this.invalid(`Apple bids live on keywords and ad groups, not ${change.level}s`);
      }
    }
  }

  private async update(change: EntityChange): Promise<void> {
    const body = await this.updateBody(change);
    await this.call("PUT", `${LEVEL_PATH[change.level]}/${encodeURIComponent(change.platformId)}`, body);
  }

  pause(platformId: string, level: EntityLevel): Promise<void> {
    return this.update({ kind: "pause", platformId, level });
  }
  resume(platformId: string, level: EntityLevel): Promise<void> {
    return this.update({ kind: "resume", platformId, level });
  }
  setDailyBudget(platformId: string, level: EntityLevel, amountMinor: number): Promise<void> {
    return this.update({ kind: "set_daily_budget", platformId, level, amountMinor });
  }
  setBid(platformId: string, level: EntityLevel, amountMinor: number): Promise<void> {
    return this.update({ kind: "set_bid", platformId, level, amountMinor });
  }

  async createAd(input: CreateAdInput): Promise<{ platformId: string }> {
    const known = await this.idempotency.get(input.idempotencyKey);
    if (known) return { platformId: known };
    const res = await this.call("POST", "ads", {
      name: input.name,
      adGroupId: idValue(input.adsetPlatformId),
      creativeId: idValue(input.creativeRef),
      status: "ENABLED",
    });
    const id = isRecord(res.result) ? str(res.result.id) : null;
    if (!id) throw new PlatformOutageError({ platform: "apple_search_ads", code: "bad_response", message: "ad creation returned no id" });
    await this.idempotency.set(input.idempotencyKey, id);
    return { platformId: id };
  }

  /**
   * Keyword bid/status changes go through `POST /keywords/bulk-update` (allowPartialSuccess: true,
   * correlationId = index of the change); everything else is applied one call at a time.
   */
  async applyChanges(changes: EntityChange[]): Promise<ChangeResult[]> {
    const results: ChangeResult[] = new Array(changes.length);
    const keywordItems: Array<{ index: number; change: EntityChange; data: Json }> = [];
    const others: Array<{ index: number; change: EntityChange }> = [];
    for (const [index, change] of changes.entries()) {
      if (change.level === "keyword" && change.kind !== "set_daily_budget") {
        try {
          keywordItems.push({ index, change, data: { id: idValue(change.platformId), ...(await this.updateBody(change)) } });
        } catch (error) {
          if (!(error instanceof InvalidRequestError)) throw error;
          results[index] = { change, ok: false, error };
        }
      } else {
        others.push({ index, change });
      }
    }
    for (let i = 0; i < keywordItems.length; i += APPLE_BULK_CHUNK) {
      const chunk = keywordItems.slice(i, i + APPLE_BULK_CHUNK);
      const res = await this.call("POST", "keywords/bulk-update", {
        allowPartialSuccess: true,
        items: chunk.map((k) => ({ correlationId: k.index, data: k.data })),
      });
      const items = Array.isArray(res.result) ? res.result.filter(isRecord) : [];
      const byCorrelation = new Map(items.map((it) => [num(it.correlationId, NaN), it]));
      for (const k of chunk) {
        const item = byCorrelation.get(k.index);
        if (!item) {
          results[k.index] = {
            change: k.change,
            ok: false,
            error: new PlatformOutageError({ platform: "apple_search_ads", code: "bulk_item_missing", message: `no result for keyword ${k.change.platformId}` }),
          };
        } else if (item.success === true) {
          results[k.index] = { change: k.change, ok: true };
        } else {
          results[k.index] = { change: k.change, ok: false, error: mapAppleBulkItemError(item) };
        }
      }
    }
    const sequential = await applyChangesSequentially(this, others.map((o) => o.change));
    others.forEach((o, j) => {
      results[o.index] = sequential[j];
    });
    return results;
  }
}

export function createAppleAdsClient(options: AppleClientOptions): AppleAdsClient {
  return new AppleAdsClient(options);
}

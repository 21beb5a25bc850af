/**
 * Meta Marketing API (Graph API) connector.
 *
 * - Auth: `Authorization: Bearer <access token>`; with `appSecret`, every request also carries
 *   `appsecret_proof` = HMAC-SHA256(appSecret, accessToken) as Meta recommends for server calls.
 * - Reads: `/act_<id>/{campaigns,adsets,ads}` and `/act_<id>/insights` (level, time_increment=1,
 *   time_range), following `paging.next` (same origin only, else the `after` cursor).
 * - Writes: `POST /<id>` with form fields (`status`, `daily_budget`, `bid_amount`), budgets/bids in
 *   the account currency's minor unit (2000 = $20.00), exactly what Meta expects.
 * - Batching: `applyChanges` sends up to 50 updates per `POST /` with `batch=[...]` (Graph batch API);
 *   each item succeeds or fails on its own, so one rejected update does not block the rest. A batch
 *   counts as one HTTP request but each item still counts against rate limits.
 */
import { createHmac } from "node:crypto";
import { InvalidRequestError, PlatformOutageError, type PlatformError } from "../errors";
import {
  createMemoryIdempotencyStore,
  int,
  isRecord,
  joinUrl,
  num,
  redactUrl,
  sendRequest,
  str,
  toQuery,
  type FetchLike,
  type IdempotencyStore,
} from "../http";
import { assertMinor, decimalToMinor } from "../money";
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
import { mapMetaError, parseMetaUsageHeaders, type MetaUsage } from "./errors";

/** Graph API version used for every call (Meta's SDK and docs examples are on v26.0 / v25.0). */
export const META_API_VERSION = "v26.0";
export const META_GRAPH_BASE_URL = "https://graph.facebook.com";
/** Graph batch API limit. */
export const META_MAX_BATCH = 50;

export interface MetaClientOptions {
  accessToken: string;
  /** With or without the `act_` prefix. */
  adAccountId: string;
  appSecret?: string;
  baseUrl?: string;
  apiVersion?: string;
  fetch?: FetchLike;
  timeoutMs?: number;
  /** `limit` for list/insights pages. Default 500. */
  pageLimit?: number;
  /** `actions[].action_type`s counted as installs. Default ["mobile_app_install"]. */
  installActionTypes?: string[];
  /** `actions[].action_type`s counted as conversions; revenue is the same types in `action_values`. Default ["app_custom_event.fb_mobile_purchase"]. */
  conversionActionTypes?: string[];
  /** Status given to ads created by createAd. Default "ACTIVE". */
  createdAdStatus?: "ACTIVE" | "PAUSED";
  idempotencyStore?: IdempotencyStore;
  /** Called with the parsed usage headers of every response (for pacing before throttling starts). */
  onUsage?: (usage: MetaUsage) => void;
}

type Query = Record<string, string | number | boolean | object | null | undefined>;

const CAMPAIGN_FIELDS = ["id", "name", "status", "effective_status", "daily_budget", "created_time"];
const ADSET_FIELDS = [
  "id", "name", "campaign_id", "status", "effective_status", "daily_budget", "bid_amount", "created_time", "learning_stage_info",
];
const AD_FIELDS = ["id", "name", "adset_id", "status", "effective_status", "created_time", "creative{id}"];
const INSIGHT_FIELDS = [
  "account_currency", "spend", "impressions", "clicks", "frequency", "actions", "action_values", "date_start", "date_stop",
];

const LEVEL_ID_FIELD: Partial<Record<EntityLevel, string>> = { campaign: "campaign_id", adset: "adset_id", ad: "ad_id" };

function mapStatus(status: unknown, effective: unknown): EntityStatus {
  const s = (str(status) ?? str(effective) ?? "").toUpperCase();
  if (s === "ACTIVE") return "active";
  if (s === "DELETED" || s === "ARCHIVED") return "deleted";
  if (s.includes("PAUSED")) return "paused";
  // IN_PROCESS, PENDING_REVIEW, WITH_ISSUES, DISAPPROVED...: configured on, not (yet) delivering
  return "active";
}

function minorOrNull(value: unknown): number | null {
  const s = str(value);
  if (s === null || s.trim() === "") return null;
  const n = Number(s);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

function parseDate(value: unknown): Date {
  const s = str(value);
  if (!s) return new Date(0);
  // Meta sends "2025-11-11T14:25:17-0800" (no colon in the offset)
  const d = new Date(s.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  return Number.isNaN(d.getTime()) ? new Date(0) : d;
}

function sumActions(list: unknown, types: Set<string>): { total: number; present: boolean } {
  if (!Array.isArray(list)) return { total: 0, present: false };
  let total = 0;
  for (const item of list) {
    if (isRecord(item) && types.has(String(item.action_type))) total += num(item.value);
  }
  return { total, present: true };
}

function sumActionValuesMinor(list: unknown, types: Set<string>, currency: string | null): number | null {
  if (!Array.isArray(list)) return null;
  let total = 0;
  for (const item of list) {
    if (isRecord(item) && types.has(String(item.action_type))) {
      const v = str(item.value);
      if (v !== null) total += decimalToMinor(v, currency);
    }
  }
  return total;
}

export class MetaClient implements AdPlatformClient {
  readonly platform = "meta" as const;
  private readonly base: string;
  private readonly version: string;
  private readonly accountPath: string;
  private readonly fetchImpl: FetchLike;
  private readonly installTypes: Set<string>;
  private readonly conversionTypes: Set<string>;
  private readonly idempotency: IdempotencyStore;

  constructor(private readonly opts: MetaClientOptions) {
    if (!opts.accessToken) throw new TypeError("Meta accessToken is required");
    if (!opts.adAccountId) throw new TypeError("Meta adAccountId is required");
    this.base = (opts.baseUrl ?? META_GRAPH_BASE_URL).replace(/\/+$/, "");
    this.version = opts.apiVersion ?? META_API_VERSION;
    this.accountPath = opts.adAccountId.startsWith("act_") ? opts.adAccountId : `act_${opts.adAccountId}`;
    this.fetchImpl = opts.fetch ?? ((input, init) => fetch(input, init));
    this.installTypes = new Set(opts.installActionTypes ?? ["mobile_app_install"]);
    this.conversionTypes = new Set(opts.conversionActionTypes ?? ["app_custom_event.fb_mobile_purchase"]);
    this.idempotency = opts.idempotencyStore ?? createMemoryIdempotencyStore();
  }

  // ------------------------------------------------------------------------------------------ http

  private url(path: string, query: Query = {}): string {
    const q = toQuery({ ...query, ...this.proof() });
    return `${joinUrl(`${this.base}/${this.version}`, path)}${q ? `?${q}` : ""}`;
  }

  private proof(): Query {
    if (!this.opts.appSecret) return {};
    return { appsecret_proof: createHmac("sha256", this.opts.appSecret).update(this.opts.accessToken).digest("hex") };
  }

  private async call(method: "GET" | "POST", url: string, form?: Record<string, string>): Promise<unknown> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.opts.accessToken}`, accept: "application/json" };
    let body: string | undefined;
    if (form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(form).toString();
    }
    const res = await sendRequest({ platform: "meta", fetch: this.fetchImpl, method, url, headers, body, timeoutMs: this.opts.timeoutMs });
    if (this.opts.onUsage) this.opts.onUsage(parseMetaUsageHeaders(res.headers));
    if (res.status >= 400 || (isRecord(res.json) && isRecord(res.json.error))) {
      throw mapMetaError({ httpStatus: res.status, body: res.json ?? res.text, headers: res.headers });
    }
    if (res.json === undefined) {
      throw new PlatformOutageError({
        platform: "meta",
        code: "bad_response",
        message: `${method} ${redactUrl(url)}: response is not JSON (HTTP ${res.status})`,
        httpStatus: res.status,
        requestId: res.headers.get("x-fb-trace-id"),
      });
    }
    return res.json;
  }

  /** GET a list edge and follow paging.next until exhausted. */
  private async getAll(path: string, query: Query): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    let url: string | null = this.url(path, { limit: this.opts.pageLimit ?? 500, ...query });
    const origin = new URL(this.base).origin;
    for (let page = 0; url !== null; page++) {
      if (page > 10_000) throw new PlatformOutageError({ platform: "meta", code: "paging_loop", message: "paging did not end" });
      const body = await this.call("GET", url);
      const data = isRecord(body) && Array.isArray(body.data) ? body.data : [];
      for (const row of data) if (isRecord(row)) out.push(row);
      const paging = isRecord(body) && isRecord(body.paging) ? body.paging : null;
      const next = paging ? str(paging.next) : null;
      if (!next) break;
      if (new URL(next).origin === origin) {
        url = next;
      } else {
        // never send the token to another host: rebuild the request with the cursor instead
        const after = isRecord(paging?.cursors) ? str(paging.cursors.after) : null;
        url = after ? this.url(path, { limit: this.opts.pageLimit ?? 500, ...query, after }) : null;
      }
    }
    return out;
  }

  // ------------------------------------------------------------------------------------- reads

  async listEntities(): Promise<PlatformEntity[]> {
    const [campaigns, adsets, ads] = [
      await this.getAll(`${this.accountPath}/campaigns`, { fields: CAMPAIGN_FIELDS.join(",") }),
      await this.getAll(`${this.accountPath}/adsets`, { fields: ADSET_FIELDS.join(",") }),
      await this.getAll(`${this.accountPath}/ads`, { fields: AD_FIELDS.join(",") }),
    ];
    const out: PlatformEntity[] = [];
    for (const c of campaigns) {
      out.push({
        platformId: String(c.id),
        level: "campaign",
        parentPlatformId: null,
        name: str(c.name) ?? "",
        status: mapStatus(c.status, c.effective_status),
        learning: false,
        dailyBudgetMinor: minorOrNull(c.daily_budget),
        bidMinor: null,
        createdAt: parseDate(c.created_time),
        platformStatus: str(c.effective_status),
      });
    }
    const adsetLearning = new Map<string, boolean>();
    for (const s of adsets) {
      const info = isRecord(s.learning_stage_info) ? s.learning_stage_info : null;
      const learning = info !== null && str(info.status)?.toUpperCase() === "LEARNING";
      adsetLearning.set(String(s.id), learning);
      out.push({
        platformId: String(s.id),
        level: "adset",
        parentPlatformId: str(s.campaign_id),
        name: str(s.name) ?? "",
        status: mapStatus(s.status, s.effective_status),
        learning,
        dailyBudgetMinor: minorOrNull(s.daily_budget),
        bidMinor: minorOrNull(s.bid_amount),
        createdAt: parseDate(s.created_time),
        platformStatus: str(s.effective_status),
      });
    }
    for (const a of ads) {
      const adsetId = str(a.adset_id);
      out.push({
        platformId: String(a.id),
        level: "ad",
        parentPlatformId: adsetId,
        name: str(a.name) ?? "",
        status: mapStatus(a.status, a.effective_status),
        learning: adsetId !== null && (adsetLearning.get(adsetId) ?? false),
        dailyBudgetMinor: null,
        bidMinor: null,
        createdAt: parseDate(a.created_time),
        creativeRef: isRecord(a.creative) ? str(a.creative.id) : null,
        platformStatus: str(a.effective_status),
      });
    }
    return out;
  }

  async fetchDailyMetrics(range: DateRange, level: EntityLevel = "ad"): Promise<DailyMetricRow[]> {
    assertDateRange(range);
    const idField = LEVEL_ID_FIELD[level];
    if (!idField) throw this.invalid(`Meta has no ${level}-level insights`);
    const rows = await this.getAll(`${this.accountPath}/insights`, {
      level,
      time_increment: 1,
      time_range: { since: range.from, until: range.to },
      fields: [idField, ...INSIGHT_FIELDS].join(","),
    });
    return rows.map((r) => {
      const currency = str(r.account_currency);
      const revenue = sumActionValuesMinor(r.action_values, this.conversionTypes, currency);
      const freq = str(r.frequency);
      return {
        platformId: String(r[idField]),
        level,
        date: str(r.date_start) ?? range.from,
        spendMinor: decimalToMinor(str(r.spend) ?? "0", currency),
        impressions: int(r.impressions),
        clicks: int(r.clicks),
        installs: Math.round(sumActions(r.actions, this.installTypes).total),
        conversions: Math.round(sumActions(r.actions, this.conversionTypes).total),
        revenueMinor: revenue,
        frequency: freq === null ? null : num(freq),
      };
    });
  }

  async getAccountHealth(): Promise<AccountHealth> {
    const body = await this.call(
      "GET",
      this.url(this.accountPath, { fields: "account_status,disable_reason,spend_cap,amount_spent,currency" }),
    );
    const acct = isRecord(body) ? body : {};
    const status = int(acct.account_status, 1);
    const spendCap = int(acct.spend_cap);
    const amountSpent = int(acct.amount_spent);
    const spendCapReached = spendCap > 0 && amountSpent >= spendCap;
    // account_status: 1 ACTIVE, 2 DISABLED, 3 UNSETTLED, 7 PENDING_RISK_REVIEW, 8 PENDING_SETTLEMENT,
    // 9 IN_GRACE_PERIOD, 100 PENDING_CLOSURE, 101 CLOSED, 201 ANY_ACTIVE, 202 ANY_CLOSED
    const paymentIssue = status === 3 || status === 8 || status === 9;
    let overall: AccountHealth["status"] = "ok";
    if (status === 2 || status === 101 || status === 202) overall = "disabled";
    else if (status === 3 || status === 7 || status === 8 || status === 100) overall = "restricted";
    const names: Record<number, string> = {
      2: "account disabled", 3: "unsettled balance", 7: "pending risk review", 8: "pending settlement",
      9: "in grace period (payment)", 100: "pending closure", 101: "closed", 202: "closed",
    };
    const parts: string[] = [];
    if (names[status]) parts.push(names[status]);
    const reason = int(acct.disable_reason);
    if (reason > 0) parts.push(`disable_reason ${reason}`);
    if (spendCapReached) parts.push("spend cap reached");
    return {
      status: spendCapReached && overall === "ok" ? "restricted" : overall,
      spendCapReached,
      paymentIssue,
      message: parts.length ? parts.join("; ") : null,
    };
  }

  // ------------------------------------------------------------------------------------ writes

  private invalid(message: string): InvalidRequestError {
    return new InvalidRequestError({ platform: "meta", code: "unsupported", message });
  }

  /** Form fields for one change (shared by single calls and the batch API). */
  private changeFields(change: EntityChange): Record<string, string> {
    switch (change.kind) {
      case "pause":
      case "resume":
        if (change.level === "keyword") throw this.invalid("Meta has no keywords");
        return { status: change.kind === "pause" ? "PAUSED" : "ACTIVE" };
      case "set_daily_budget":
        assertMinor(change.amountMinor);
        if (change.level !== "campaign" && change.level !== "adset") throw this.invalid(`Meta daily budgets live on campaigns and ad sets, not ${change.level}s`);
        if (change.amountMinor <= 0) throw this.invalid("daily budget must be positive");
        return { daily_budget: String(change.amountMinor) };
      case "set_bid":
        assertMinor(change.amountMinor);
        if (change.level !== "adset") throw this.invalid(`Meta bids (bid_amount) live on ad sets, not ${change.level}s`);
        if (change.amountMinor <= 0) throw this.invalid("bid must be positive");
        return { bid_amount: String(change.amountMinor) };
    }
  }

  private async update(change: EntityChange): Promise<void> {
    const fields = this.changeFields(change);
    const body = await this.call("POST", this.url(change.platformId), fields);
    if (isRecord(body) && body.success === false) {
      throw new PlatformOutageError({ platform: "meta", code: "not_applied", message: `update of ${change.platformId} returned success=false` });
    }
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
    const body = await this.call("POST", this.url(`${this.accountPath}/ads`), {
      name: input.name,
      adset_id: input.adsetPlatformId,
      creative: JSON.stringify({ creative_id: input.creativeRef }),
      status: this.opts.createdAdStatus ?? "ACTIVE",
    });
    const id = isRecord(body) ? str(body.id) : null;
    if (!id) throw new PlatformOutageError({ platform: "meta", code: "bad_response", message: "ad creation returned no id" });
    await this.idempotency.set(input.idempotencyKey, id);
    return { platformId: id };
  }

  /** Graph batch API: up to 50 updates per request; per-item results. */
  async applyChanges(changes: EntityChange[]): Promise<ChangeResult[]> {
    const results: ChangeResult[] = new Array(changes.length);
    const batchable: Array<{ index: number; change: EntityChange; body: string }> = [];
    changes.forEach((change, index) => {
      try {
        batchable.push({ index, change, body: new URLSearchParams(this.changeFields(change)).toString() });
      } catch (error) {
        if (!(error instanceof InvalidRequestError)) throw error;
        results[index] = { change, ok: false, error };
      }
    });
    for (let i = 0; i < batchable.length; i += META_MAX_BATCH) {
      const chunk = batchable.slice(i, i + META_MAX_BATCH);
      const batch = chunk.map((c) => ({ method: "POST", relative_url: c.change.platformId, body: c.body }));
      const body = await this.call("POST", this.url(""), { batch: JSON.stringify(batch), include_headers: "false" });
      const items = Array.isArray(body) ? body : [];
      chunk.forEach((c, j) => {
        const item: unknown = items[j];
        results[c.index] = this.batchItemResult(c.change, item);
      });
    }
    return results;
  }

  private batchItemResult(change: EntityChange, item: unknown): ChangeResult {
    if (!isRecord(item)) {
      // Meta returns null for items it did not get to (e.g. the batch timed out)
      const error: PlatformError = new PlatformOutageError({ platform: "meta", code: "batch_item_missing", message: `no result for ${change.platformId} in batch response` });
      return { change, ok: false, error };
    }
    const status = int(item.code, 0);
    let parsed: unknown;
    try {
      parsed = typeof item.body === "string" && item.body !== "" ? JSON.parse(item.body) : item.body;
    } catch {
      parsed = undefined;
    }
    if (status >= 200 && status < 300 && !(isRecord(parsed) && isRecord(parsed.error)) && !(isRecord(parsed) && parsed.success === false)) {
      return { change, ok: true };
    }
    return { change, ok: false, error: mapMetaError({ httpStatus: status || null, body: parsed, headers: null }) };
  }
}

export function createMetaClient(options: MetaClientOptions): MetaClient {
  return new MetaClient(options);
}

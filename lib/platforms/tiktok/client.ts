/**
 * TikTok API for Business v1.3 connector.
 *
 * - Auth: `Access-Token` header. GET endpoints take query parameters, with arrays JSON-encoded
 *   (`fields=["campaign_id",...]`); POST endpoints take a JSON body.
 * - Envelope `{ code, message, request_id, data }`; code 0 = ok; errors mostly come as HTTP 200.
 * - Money: TikTok budgets, bids and spend are in whole currency units (50.0 = $50), so this
 *   connector needs the advertiser currency (from `/advertiser/info/`, cached, or `options.currency`).
 * - Reports: `/report/integrated/get/` BASIC, daily (`stat_time_day`), at most 30 days per request
 *   (longer ranges are split), 1,000 rows per page (`page_info.total_page`).
 * - Writes: `/{ad,adgroup,campaign}/status/update/` (ENABLE / DISABLE) and `/adgroup/update/`,
 *   `/campaign/update/` for budget and bid.
 */
import { InvalidRequestError, PlatformOutageError } from "../errors";
import {
  createMemoryIdempotencyStore,
  int,
  isRecord,
  joinUrl,
  num,
  sendRequest,
  str,
  toQuery,
  type FetchLike,
  type IdempotencyStore,
} from "../http";
import { assertMinor, decimalToMinor, minorToMajor } from "../money";
import {
  chunkDateRange,
  type AccountHealth,
  type AdPlatformClient,
  type CreateAdInput,
  type DailyMetricRow,
  type DateRange,
  type EntityLevel,
  type EntityStatus,
  type PlatformEntity,
} from "../types";
import { mapTikTokError } from "./errors";

export const TIKTOK_BASE_URL = "https://business-api.tiktok.com/open_api/v1.3";
export const TIKTOK_MAX_REPORT_DAYS = 30;
export const TIKTOK_MAX_PAGE_SIZE = 1000;

export interface TikTokClientOptions {
  accessToken: string;
  advertiserId: string;
  baseUrl?: string;
  fetch?: FetchLike;
  timeoutMs?: number;
  /** Skip the `/advertiser/info/` lookup when the currency is known. */
  currency?: string;
  /** Report metric counted as installs. Default "app_install". */
  installMetric?: string;
  /** Report metric counted as conversions. Default "conversion". */
  conversionMetric?: string;
  /** Report metric holding revenue (currency units), or null for none. Default "total_purchase_value". */
  revenueMetric?: string | null;
  /** Extra creative fields for `/ad/create/` (identity, ad_text, call_to_action, app/landing page...). */
  adCreativeDefaults?: Record<string, unknown>;
  idempotencyStore?: IdempotencyStore;
}

type Query = Record<string, string | number | boolean | object | null | undefined>;

const CAMPAIGN_FIELDS = ["campaign_id", "campaign_name", "operation_status", "secondary_status", "budget", "budget_mode", "create_time"];
const ADGROUP_FIELDS = [
  "adgroup_id", "adgroup_name", "campaign_id", "operation_status", "secondary_status", "budget", "budget_mode", "bid_price", "create_time",
];
const AD_FIELDS = ["ad_id", "ad_name", "adgroup_id", "operation_status", "secondary_status", "create_time", "video_id", "image_ids"];

const DATA_LEVEL: Partial<Record<EntityLevel, { dataLevel: string; idDimension: string }>> = {
  campaign: { dataLevel: "AUCTION_CAMPAIGN", idDimension: "campaign_id" },
  adset: { dataLevel: "AUCTION_ADGROUP", idDimension: "adgroup_id" },
  ad: { dataLevel: "AUCTION_AD", idDimension: "ad_id" },
};

function mapStatus(operation: unknown, secondary: unknown): EntityStatus {
  const op = (str(operation) ?? "").toUpperCase();
  const sec = (str(secondary) ?? "").toUpperCase();
  if (op === "DELETE" || sec.endsWith("_DELETE") || sec.includes("STATUS_DELETE")) return "deleted";
  if (op === "DISABLE") return "paused";
  return "active";
}

/** TikTok times are "YYYY-MM-DD HH:MM:SS" in UTC. */
function parseTime(value: unknown): Date {
  const s = str(value);
  if (!s) return new Date(0);
  const d = new Date(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(s) ? `${s.replace(" ", "T")}Z` : s);
  return Number.isNaN(d.getTime()) ? new Date(0) : d;
}

export class TikTokClient implements AdPlatformClient {
  readonly platform = "tiktok" as const;
  private readonly base: string;
  private readonly fetchImpl: FetchLike;
  private readonly idempotency: IdempotencyStore;
  private currencyPromise: Promise<string> | null = null;
  private advertiserInfo: Record<string, unknown> | null = null;

  constructor(private readonly opts: TikTokClientOptions) {
    if (!opts.accessToken) throw new TypeError("TikTok accessToken is required");
    if (!opts.advertiserId) throw new TypeError("TikTok advertiserId is required");
    this.base = opts.baseUrl ?? TIKTOK_BASE_URL;
    this.fetchImpl = opts.fetch ?? ((input, init) => fetch(input, init));
    this.idempotency = opts.idempotencyStore ?? createMemoryIdempotencyStore();
    if (opts.currency) this.currencyPromise = Promise.resolve(opts.currency);
  }

  // ------------------------------------------------------------------------------------------ http

  private async call(method: "GET" | "POST", path: string, params: Query): Promise<Record<string, unknown>> {
    const headers: Record<string, string> = { "access-token": this.opts.accessToken, accept: "application/json" };
    let url = joinUrl(this.base, path);
    let body: string | undefined;
    if (method === "GET") {
      const q = toQuery(params);
      if (q) url += `?${q}`;
    } else {
      headers["content-type"] = "application/json";
      body = JSON.stringify(params);
    }
    const res = await sendRequest({ platform: "tiktok", fetch: this.fetchImpl, method, url, headers, body, timeoutMs: this.opts.timeoutMs });
    const env = isRecord(res.json) ? res.json : null;
    if (res.status !== 200 || env === null || num(env.code, NaN) !== 0) {
      if (env === null && res.status === 200) {
        throw new PlatformOutageError({ platform: "tiktok", code: "bad_response", message: `${path}: response is not a JSON envelope`, httpStatus: 200 });
      }
      throw mapTikTokError({ httpStatus: res.status, body: env ?? res.text, headers: res.headers });
    }
    return isRecord(env.data) ? env.data : {};
  }

  /** GET a paged list (`data.list` + `data.page_info`). */
  private async getAllPages(path: string, params: Query): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    for (let page = 1; ; page++) {
      const data = await this.call("GET", path, { ...params, page, page_size: TIKTOK_MAX_PAGE_SIZE });
      const list = Array.isArray(data.list) ? data.list : [];
      for (const row of list) if (isRecord(row)) out.push(row);
      const info = isRecord(data.page_info) ? data.page_info : {};
      const totalPage = int(info.total_page, 1);
      if (page >= totalPage || list.length === 0) break;
      if (page >= 10_000) throw new PlatformOutageError({ platform: "tiktok", code: "paging_loop", message: "paging did not end" });
    }
    return out;
  }

  private async loadAdvertiserInfo(): Promise<Record<string, unknown>> {
    const data = await this.call("GET", "advertiser/info/", {
      advertiser_ids: [this.opts.advertiserId],
      fields: ["advertiser_id", "name", "status", "currency", "balance", "timezone"],
    });
    const list = Array.isArray(data.list) ? data.list.filter(isRecord) : [];
    const info = list.find((a) => str(a.advertiser_id) === this.opts.advertiserId) ?? list[0];
    if (!info) {
      throw new InvalidRequestError({ platform: "tiktok", code: "advertiser_not_returned", message: `advertiser ${this.opts.advertiserId} not returned by /advertiser/info/` });
    }
    this.advertiserInfo = info;
    return info;
  }

  private currency(): Promise<string> {
    if (!this.currencyPromise) {
      this.currencyPromise = this.loadAdvertiserInfo().then((info) => str(info.currency) ?? "USD");
      this.currencyPromise.catch(() => {
        this.currencyPromise = null; // allow a later retry
      });
    }
    return this.currencyPromise;
  }

  // ------------------------------------------------------------------------------------- reads

  async listEntities(): Promise<PlatformEntity[]> {
    const currency = await this.currency();
    const adv = { advertiser_id: this.opts.advertiserId };
    const campaigns = await this.getAllPages("campaign/get/", { ...adv, fields: CAMPAIGN_FIELDS });
    const adgroups = await this.getAllPages("adgroup/get/", { ...adv, fields: ADGROUP_FIELDS });
    const ads = await this.getAllPages("ad/get/", { ...adv, fields: AD_FIELDS });

    const budget = (row: Record<string, unknown>): number | null => {
      const mode = (str(row.budget_mode) ?? "").toUpperCase();
      const amount = num(row.budget);
      return mode.includes("DAY") && amount > 0 ? decimalToMinor(String(row.budget), currency) : null;
    };
    const out: PlatformEntity[] = [];
    for (const c of campaigns) {
      out.push({
        platformId: String(c.campaign_id),
        level: "campaign",
        parentPlatformId: null,
        name: str(c.campaign_name) ?? "",
        status: mapStatus(c.operation_status, c.secondary_status),
        learning: false,
        dailyBudgetMinor: budget(c),
        bidMinor: null,
        createdAt: parseTime(c.create_time),
        currency,
        platformStatus: str(c.secondary_status),
      });
    }
    const learningByAdgroup = new Map<string, boolean>();
    for (const g of adgroups) {
      // secondary_status values containing LEARNING (e.g. "ADGROUP_STATUS_LEARNING") mark the learning phase
      const sec = (str(g.secondary_status) ?? "").toUpperCase();
      const learning = sec.includes("LEARNING") && !sec.includes("FAIL");
      learningByAdgroup.set(String(g.adgroup_id), learning);
      out.push({
        platformId: String(g.adgroup_id),
        level: "adset",
        parentPlatformId: str(g.campaign_id),
        name: str(g.adgroup_name) ?? "",
        status: mapStatus(g.operation_status, g.secondary_status),
        learning,
        dailyBudgetMinor: budget(g),
        bidMinor: num(g.bid_price) > 0 ? decimalToMinor(String(g.bid_price), currency) : null,
        createdAt: parseTime(g.create_time),
        currency,
        platformStatus: str(g.secondary_status),
      });
    }
    for (const a of ads) {
      const adgroupId = str(a.adgroup_id);
      const imageIds = Array.isArray(a.image_ids) ? a.image_ids : [];
      out.push({
        platformId: String(a.ad_id),
        level: "ad",
        parentPlatformId: adgroupId,
        name: str(a.ad_name) ?? "",
        status: mapStatus(a.operation_status, a.secondary_status),
        learning: adgroupId !== null && (learningByAdgroup.get(adgroupId) ?? false),
        dailyBudgetMinor: null,
        bidMinor: null,
        createdAt: parseTime(a.create_time),
        creativeRef: str(a.video_id) ?? str(imageIds[0]) ?? null,
        currency,
        platformStatus: str(a.secondary_status),
      });
    }
    return out;
  }

  async fetchDailyMetrics(range: DateRange, level: EntityLevel = "ad"): Promise<DailyMetricRow[]> {
    const spec = DATA_LEVEL[level];
    if (!spec) throw new InvalidRequestError({ platform: "tiktok", code: "unsupported", message: `TikTok has no ${level}-level reports` });
    const chunks = chunkDateRange(range, TIKTOK_MAX_REPORT_DAYS);
    const currency = await this.currency();
    const installMetric = this.opts.installMetric ?? "app_install";
    const conversionMetric = this.opts.conversionMetric ?? "conversion";
    const revenueMetric = this.opts.revenueMetric === undefined ? "total_purchase_value" : this.opts.revenueMetric;
    const metrics = ["spend", "impressions", "clicks", installMetric, conversionMetric, ...(revenueMetric ? [revenueMetric] : [])];

    const out: DailyMetricRow[] = [];
    for (const chunk of chunks) {
      const rows = await this.getAllPages("report/integrated/get/", {
        advertiser_id: this.opts.advertiserId,
        report_type: "BASIC",
        data_level: spec.dataLevel,
        dimensions: [spec.idDimension, "stat_time_day"],
        metrics,
        start_date: chunk.from,
        end_date: chunk.to,
      });
      for (const row of rows) {
        const dims = isRecord(row.dimensions) ? row.dimensions : {};
        const m = isRecord(row.metrics) ? row.metrics : {};
        const revenue = revenueMetric ? str(m[revenueMetric]) : null;
        out.push({
          platformId: String(dims[spec.idDimension]),
          level,
          date: (str(dims.stat_time_day) ?? chunk.from).slice(0, 10),
          spendMinor: decimalToMinor(str(m.spend) ?? "0", currency),
          impressions: int(m.impressions),
          clicks: int(m.clicks),
          installs: int(m[installMetric]),
          conversions: int(m[conversionMetric]),
          revenueMinor: revenue === null || revenue === "" ? null : decimalToMinor(revenue, currency),
          frequency: null,
        });
      }
    }
    return out;
  }

  async getAccountHealth(): Promise<AccountHealth> {
    const info = await this.loadAdvertiserInfo();
    const status = (str(info.status) ?? "").toUpperCase();
    // STATUS_ENABLE = approved and serving; STATUS_LIMIT = limited by TikTok; STATUS_DISABLE /
    // STATUS_CONFIRM_FAIL* = rejected or disabled; other values (pending review/verification) = restricted.
    let overall: AccountHealth["status"] = "restricted";
    if (status === "STATUS_ENABLE") overall = "ok";
    else if (status === "STATUS_DISABLE" || status.startsWith("STATUS_CONFIRM_FAIL")) overall = "disabled";
    return {
      status: overall,
      spendCapReached: false,
      paymentIssue: false,
      message: overall === "ok" ? null : status || "unknown advertiser status",
    };
  }

  // ------------------------------------------------------------------------------------ writes

  private invalid(message: string): InvalidRequestError {
    return new InvalidRequestError({ platform: "tiktok", code: "unsupported", message });
  }

  private async setStatus(platformId: string, level: EntityLevel, operation: "ENABLE" | "DISABLE"): Promise<void> {
    const adv = this.opts.advertiserId;
    switch (level) {
      case "ad":
        await this.call("POST", "ad/status/update/", { advertiser_id: adv, ad_ids: [platformId], operation_status: operation });
        return;
      case "adset":
        await this.call("POST", "adgroup/status/update/", {
          advertiser_id: adv, adgroup_ids: [platformId], operation_status: operation, allow_partial_success: false,
        });
        return;
      case "campaign":
        await this.call("POST", "campaign/status/update/", { advertiser_id: adv, campaign_ids: [platformId], operation_status: operation });
        return;
      case "keyword":
        throw this.invalid("TikTok has no keywords");
    }
  }

  pause(platformId: string, level: EntityLevel): Promise<void> {
    return this.setStatus(platformId, level, "DISABLE");
  }
  resume(platformId: string, level: EntityLevel): Promise<void> {
    return this.setStatus(platformId, level, "ENABLE");
  }

  async setDailyBudget(platformId: string, level: EntityLevel, amountMinor: number): Promise<void> {
    assertMinor(amountMinor);
    if (amountMinor <= 0) throw this.invalid("daily budget must be positive");
    if (level === "adset") {
      const budget = minorToMajor(amountMinor, await this.currency());
      await this.call("POST", "adgroup/update/", { advertiser_id: this.opts.advertiserId, adgroup_id: platformId, budget });
    } else if (level === "campaign") {
      const budget = minorToMajor(amountMinor, await this.currency());
      await this.call("POST", "campaign/update/", { advertiser_id: this.opts.advertiserId, campaign_id: platformId, budget });
    } else {
      throw this.invalid(`TikTok budgets live on campaigns and ad groups, not ${level}s`);
    }
  }

  async setBid(platformId: string, level: EntityLevel, amountMinor: number): Promise<void> {
    assertMinor(amountMinor);
    if (level !== "adset") throw this.invalid(`TikTok bids (bid_price) live on ad groups, not ${level}s`);
    if (amountMinor <= 0) throw this.invalid("bid must be positive");
    const bid = minorToMajor(amountMinor, await this.currency());
    await this.call("POST", "adgroup/update/", { advertiser_id: this.opts.advertiserId, adgroup_id: platformId, bid_price: bid });
  }

  async createAd(input: CreateAdInput): Promise<{ platformId: string }> {
    const known = await this.idempotency.get(input.idempotencyKey);
    if (known) return { platformId: known };
    const data = await this.call("POST", "ad/create/", {
      advertiser_id: this.opts.advertiserId,
      adgroup_id: input.adsetPlatformId,
      creatives: [{ ...(this.opts.adCreativeDefaults ?? {}), ad_name: input.name, video_id: input.creativeRef }],
    });
    const ids = Array.isArray(data.ad_ids) ? data.ad_ids : [];
    const id = str(ids[0]);
    if (!id) throw new PlatformOutageError({ platform: "tiktok", code: "bad_response", message: "ad creation returned no ad_ids" });
    await this.idempotency.set(input.idempotencyKey, id);
    return { platformId: id };
  }

  /** Last advertiser record seen (currency, timezone, status), for diagnostics. */
  get lastAdvertiserInfo(): Record<string, unknown> | null {
    return this.advertiserInfo;
  }
}

export function createTikTokClient(options: TikTokClientOptions): TikTokClient {
  return new TikTokClient(options);
}

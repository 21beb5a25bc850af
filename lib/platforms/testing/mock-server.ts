/**
 * A tiny HTTP server on 127.0.0.1 (random port) for connector contract tests. It replays scripted
 * responses and records every request exactly as it arrived, so tests can assert method, path,
 * query, headers and body.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  /** path without the query string */
  path: string;
  query: Record<string, string>;
  /** lower-cased header names */
  headers: Record<string, string>;
  body: string;
  /** body parsed as JSON when possible */
  json: unknown;
  /** body parsed as application/x-www-form-urlencoded when that is the content type */
  form: Record<string, string> | null;
}

export interface MockResponse {
  status?: number;
  headers?: Record<string, string>;
  /** objects are JSON-encoded */
  body?: unknown;
}

export type MockHandler = (req: RecordedRequest) => MockResponse | Promise<MockResponse>;

export interface MockRoute {
  method?: string;
  /** exact path, or a predicate */
  path?: string | ((path: string) => boolean);
  respond: MockResponse | MockHandler;
  /** how many times this route may answer; default 1 */
  times?: number;
}

export interface MockServer {
  url: string;
  requests: RecordedRequest[];
  /** Routes are matched in the order they were added; a used-up route is skipped. */
  on(route: MockRoute): MockServer;
  /** Routes that were never (fully) used. */
  pending(): MockRoute[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startMockServer(): Promise<MockServer> {
  const routes: Array<MockRoute & { used: number }> = [];
  const requests: RecordedRequest[] = [];

  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
    }
    let json: unknown;
    try {
      json = body ? JSON.parse(body) : undefined;
    } catch {
      json = undefined;
    }
    const form = (headers["content-type"] ?? "").includes("application/x-www-form-urlencoded")
      ? Object.fromEntries(new URLSearchParams(body))
      : null;
    const recorded: RecordedRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
      json,
      form,
    };
    requests.push(recorded);

    const route = routes.find(
      (r) =>
        r.used < (r.times ?? 1) &&
        (r.method === undefined || r.method === recorded.method) &&
        (r.path === undefined || (typeof r.path === "string" ? r.path === recorded.path : r.path(recorded.path))),
    );
    if (!route) {
      res.writeHead(599, { "content-type": "application/json" });
      res.end(JSON.stringify({ mock: "no route for request", method: recorded.method, path: recorded.path }));
      return;
    }
    route.used += 1;
    const out = typeof route.respond === "function" ? await route.respond(recorded) : route.respond;
    const payload = out.body === undefined ? "" : typeof out.body === "string" ? out.body : JSON.stringify(out.body);
    res.writeHead(out.status ?? 200, { "content-type": "application/json", ...(out.headers ?? {}) });
    res.end(payload);
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const api: MockServer = {
    url: `http://127.0.0.1:${port}`,
    requests,
    on(route) {
      routes.push({ ...route, used: 0 });
      return api;
    },
    pending: () => routes.filter((r) => r.used < (r.times ?? 1)),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections?.();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
  return api;
}

/**
 * Reads a JSON fixture relative to a test file: `loadFixture(import.meta.url, "fixtures/x.json")`.
 * `replace` substitutes placeholders such as `{{BASE}}` (the mock server URL) before parsing.
 */
export async function loadFixture<T = unknown>(base: string, relative: string, replace: Record<string, string> = {}): Promise<T> {
  const { readFile } = await import("node:fs/promises");
  let text = await readFile(new URL(relative, base), "utf8");
  for (const [from, to] of Object.entries(replace)) text = text.split(from).join(to);
  return JSON.parse(text) as T;
}

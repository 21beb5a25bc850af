// Shared plumbing of the JSON dry-run commands: read a file (or stdin), parse and validate it, print one
// JSON document on stdout. Errors go to stderr only, so stdout can always be piped to jq.
import { readFile } from "node:fs/promises";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString("utf8");
}

/** Reads and validates the input; on failure writes the reason to stderr and returns the exit code. */
export async function readJsonInput<T>(path: string, parse: (raw: unknown) => { ok: true; input: T } | { ok: false; errors: string[] }): Promise<{ ok: true; input: T } | { ok: false; code: number }> {
  let text: string;
  try {
    text = path === "-" ? await readStdin() : await readFile(path, "utf8");
  } catch (error) {
    process.stderr.write(`cannot read input ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
    return { ok: false, code: 1 };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    process.stderr.write(`input is not valid JSON: ${error instanceof Error ? error.message : String(error)}\n`);
    return { ok: false, code: 1 };
  }
  const parsed = parse(raw);
  if (!parsed.ok) {
    process.stderr.write(`invalid input:\n${parsed.errors.map((line) => `  ${line}`).join("\n")}\n`);
    return { ok: false, code: 1 };
  }
  return parsed;
}

/** Writes one JSON document and waits for the flush: the dispatcher calls process.exit right after. */
export function writeJson(value: unknown, options: { pretty?: boolean } = {}): Promise<void> {
  const text = options.pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value);
  return new Promise<void>((resolve, reject) => process.stdout.write(`${text}\n`, (error) => (error ? reject(error) : resolve())));
}

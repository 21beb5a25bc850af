// `layers optimize --input <file.json|-> [--mode cycle|watchdog]`: runs one optimizer decision
// cycle on a JSON document (money in major units) and prints exactly one JSON document on stdout.
// Errors go to stderr only, with nothing on stdout, so the output can always be piped to jq.
import { readFile } from "node:fs/promises";
import { decideCycle } from "@/lib/optimizer";
import { parseOptimizerInput, resultToJson } from "@/lib/optimizer/io";

const USAGE = "usage: layers optimize --input <file.json | -> [--mode cycle|watchdog]";
const MODES = ["cycle", "watchdog"] as const;
type CliMode = (typeof MODES)[number];

type ParsedArgs = { ok: true; input: string; mode: CliMode } | { ok: false; error: string };

function parseArgs(args: string[]): ParsedArgs {
  let input: string | null = null;
  let mode: string = "cycle";
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === "--input" || arg === "-i") {
      input = args[i + 1] ?? null;
      i += 1;
    } else if (arg.startsWith("--input=")) input = arg.slice("--input=".length);
    else if (arg === "--mode") {
      mode = args[i + 1] ?? "";
      i += 1;
    } else if (arg.startsWith("--mode=")) mode = arg.slice("--mode=".length);
    else return { ok: false, error: `unknown argument: ${arg}` };
  }
  if (!input) return { ok: false, error: "missing --input" };
  if (!(MODES as readonly string[]).includes(mode)) return { ok: false, error: `invalid --mode "${mode}" (expected cycle or watchdog)` };
  return { ok: true, input, mode: mode as CliMode };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString("utf8");
}

export async function main(args: string[]): Promise<number> {
  const parsedArgs = parseArgs(args);
  if (!parsedArgs.ok) {
    process.stderr.write(`${parsedArgs.error}\n${USAGE}\n`);
    return 2;
  }
  const path = parsedArgs.input;
  let text: string;
  try {
    text = path === "-" ? await readStdin() : await readFile(path, "utf8");
  } catch (error) {
    process.stderr.write(`cannot read input ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    process.stderr.write(`input is not valid JSON: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const parsed = parseOptimizerInput(raw);
  if (!parsed.ok) {
    process.stderr.write(`invalid input:\n${parsed.errors.map((line) => `  ${line}`).join("\n")}\n`);
    return 1;
  }
  const result = resultToJson(decideCycle(parsed.input, { mode: parsedArgs.mode }));
  // index.ts calls process.exit right after; wait for the flush (stdout can be async on some pipes).
  await new Promise<void>((resolve, reject) =>
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`, (error) => (error ? reject(error) : resolve())),
  );
  return 0;
}

// `layers optimize --input <file.json|-> [--mode cycle|watchdog]`: runs one optimizer decision
// cycle on a JSON document (money in major units) and prints exactly one JSON document on stdout.
// Errors go to stderr only, with nothing on stdout, so the output can always be piped to jq.
import { decideCycle } from "@/lib/optimizer";
import { parseOptimizerInput, resultToJson } from "@/lib/optimizer/io";
import { readJsonInput, writeJson } from "./json-command";

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

export async function main(args: string[]): Promise<number> {
  const parsedArgs = parseArgs(args);
  if (!parsedArgs.ok) {
    process.stderr.write(`${parsedArgs.error}\n${USAGE}\n`);
    return 2;
  }
  const parsed = await readJsonInput(parsedArgs.input, parseOptimizerInput);
  if (!parsed.ok) return parsed.code;
  await writeJson(resultToJson(decideCycle(parsed.input, { mode: parsedArgs.mode })), { pretty: true });
  return 0;
}

// `layers select --input <file.json|->`: runs creative selection on a JSON document and prints
// exactly one JSON document ({ adsets, ineligible }) on stdout. Errors go to stderr only.
import { parseSelectionInput, selectCreatives } from "@/lib/selection";
import { readJsonInput, writeJson } from "./json-command";

const USAGE = "usage: layers select --input <file.json | ->";

function inputPath(args: string[]): string | null {
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === "--input" || arg === "-i") return args[i + 1] ?? null;
    if (arg.startsWith("--input=")) return arg.slice("--input=".length) || null;
  }
  return null;
}

export async function main(args: string[]): Promise<number> {
  const path = inputPath(args);
  if (path === null) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const parsed = await readJsonInput(path, parseSelectionInput);
  if (!parsed.ok) return parsed.code;
  await writeJson(selectCreatives(parsed.input));
  return 0;
}

// `layers select --input <file.json|->`: runs creative selection on a JSON document and prints
// exactly one JSON document ({ adsets, ineligible }) on stdout. Errors go to stderr only.
import { readFile } from "node:fs/promises";
import { parseSelectionInput, selectCreatives } from "@/lib/selection";

const USAGE = "usage: layers select --input <file.json | ->";

function inputPath(args: string[]): string | null {
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === "--input" || arg === "-i") return args[i + 1] ?? null;
    if (arg.startsWith("--input=")) return arg.slice("--input=".length) || null;
  }
  return null;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString("utf8");
}

export async function main(args: string[]): Promise<number> {
  const path = inputPath(args);
  if (path === null) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
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
  const parsed = parseSelectionInput(raw);
  if (!parsed.ok) {
    process.stderr.write(`invalid input:\n${parsed.errors.map((line) => `  ${line}`).join("\n")}\n`);
    return 1;
  }
  const result = selectCreatives(parsed.input);
  // index.ts calls process.exit right after; wait for the flush (stdout can be async on some pipes).
  await new Promise<void>((resolve, reject) =>
    process.stdout.write(`${JSON.stringify(result)}\n`, (error) => (error ? reject(error) : resolve())),
  );
  return 0;
}

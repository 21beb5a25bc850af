// `npm run -s layers -- <command> [...args]`: support and test tooling over the pure domain core.
const commands: Record<string, () => Promise<{ main(args: string[]): Promise<number> }>> = {
  optimize: () => import("./optimize"),
  select: () => import("./select"),
  simulate: () => import("./simulate"),
};

async function run(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  const load = name ? commands[name] : undefined;
  if (!load) {
    process.stderr.write(`usage: layers <${Object.keys(commands).join("|")}> [options]\n`);
    return 2;
  }
  const command = await load();
  return command.main(args);
}

run().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);

// `layers simulate --days N`: advance every simulated layer of the demo world by N days. When the world is
// already at today, its history shifts N days into the past first, so "now" stays now and N new days appear.
import { createDb } from "@/lib/db/client";
import { resolveDatabase } from "@/lib/db/resolve";
import { advanceSimulatedLayer, shiftSimulatedHistory } from "@/lib/sim/advance";

export async function main(args: string[]): Promise<number> {
  const index = args.indexOf("--days");
  const days = index >= 0 ? Number(args[index + 1]) : 1;
  if (!Number.isInteger(days) || days < 1 || days > 365) {
    process.stderr.write("--days must be a whole number from 1 to 365\n");
    return 2;
  }
  const database = await resolveDatabase({ quiet: true });
  const db = createDb(database.url, 4);
  try {
    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    const worlds = await db.simWorld.findMany({ select: { layerId: true, simulatedThrough: true, layer: { select: { name: true } } } });
    for (const world of worlds) {
      const through = world.simulatedThrough?.toISOString().slice(0, 10);
      if (through && through >= today) await shiftSimulatedHistory(db, world.layerId, days);
      const result = await advanceSimulatedLayer(db, world.layerId, { days, now });
      process.stdout.write(`${world.layer.name}: simulated ${result.days.length} day(s) (${result.days[0] ?? "-"} … ${result.days.at(-1) ?? "-"}), ${result.rows} metric rows\n`);
    }
    return 0;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

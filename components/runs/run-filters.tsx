// Plain GET form: the filters live in the URL, so a filtered view can be shared and reloaded.
export function RunFilters({ layers, current }: { layers: { id: string; name: string }[]; current: { kind?: string; status?: string; layerId?: string } }) {
  const select = "rounded border border-slate-300 bg-white px-2 py-1 text-sm";
  return (
    <form className="flex flex-wrap items-end gap-3" method="get">
      <label className="text-xs text-slate-500">Kind
        <select name="kind" defaultValue={current.kind ?? ""} className={`block ${select}`}>
          <option value="">All</option>
          {["ad_optimize", "watchdog", "content_refresh", "metrics_sync", "rescore_creatives", "wallet_top_up", "reconcile"].map((k) => <option key={k} value={k}>{k.replace(/_/g, "-")}</option>)}
        </select>
      </label>
      <label className="text-xs text-slate-500">Status
        <select name="status" defaultValue={current.status ?? ""} className={`block ${select}`}>
          <option value="">All</option>
          {["running", "completed", "failed", "skipped", "refused"].map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </label>
      <label className="text-xs text-slate-500">Layer
        <select name="layerId" defaultValue={current.layerId ?? ""} className={`block ${select}`}>
          <option value="">All</option>
          {layers.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
        </select>
      </label>
      <button type="submit" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm text-white">Filter</button>
    </form>
  );
}

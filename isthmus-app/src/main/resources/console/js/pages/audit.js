// The audit log (GET /api/audit): newest records first, filtered by category, type and result,
// with the log's verification (Merkle tree against its signed checkpoint) and capacity warning.
// Filters and page live in the route (#/audit?category=…&offset=…) so a view can be linked.
import { h, time } from "../dom.js";
import { Unavailable, failure } from "../api.js";
import { gw, explain, session } from "../session.js";

const LIMIT = 50;
const CATEGORIES = ["", "access-control", "request-error", "control-system", "backup-restore", "configuration-change", "audit-log"];
const RESULTS = ["", "success", "failure", "denied", "pending"];

function verification(v) {
  if (!v) return h("p", { id: "audit-verified", class: "muted" }, "No verification reported.");
  const cp = v.checkpoint;
  const at = cp ? `last signed checkpoint: ${cp.size} records at ${time(cp.time)}` : "no signed checkpoint yet";
  const warnings = (v.warnings ?? []).length
    ? h("span", { class: "muted", id: "audit-warnings" }, ` Notes: ${v.warnings.join("; ")}`)
    : null;
  return v.ok
    ? h("p", { id: "audit-verified", class: "verified good", dataset: { ok: "true" } },
        h("strong", {}, "✔ verified"), ` — ${v.records} records recomputed against the Merkle tree; ${at}.`, warnings)
    : h("div", { id: "audit-verified", class: "notice error", role: "alert", dataset: { ok: "false" } },
        h("strong", {}, "✘ verification failed: "), v.problem ?? "the log does not match its checkpoint", ` (${v.records ?? "?"} records read; ${at}).`, warnings);
}

function bytes(n) {
  if (n >= 1 << 30) return `${(n / (1 << 30)).toFixed(1)} GiB`;
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MiB`;
  if (n >= 1 << 10) return `${(n / (1 << 10)).toFixed(1)} KiB`;
  return `${n} bytes`;
}

function capacity(c) {
  if (!c) return null;
  const pct = c.limit ? Math.round((c.used / c.limit) * 100) : 0;
  const text = `${bytes(c.used)} of ${bytes(c.limit)} (${pct} %)`;
  return c.warning
    ? h("div", { id: "audit-capacity", class: "notice", role: "alert", dataset: { warning: "true" } },
        h("strong", {}, "Capacity warning: "), `the audit log uses ${text}. When it is full the gateway refuses every action (fail closed): export and archive it.`)
    : h("p", { id: "audit-capacity", class: "muted" }, `Capacity: ${text} used.`);
}

function detail(d) {
  const entries = Object.entries(d ?? {});
  if (!entries.length) return "";
  const line = entries.map(([k, v]) => `${k}=${typeof v === "object" ? JSON.stringify(v) : v}`).join(" · ");
  return h("span", { class: "audit-detail" }, line);
}

export default async function audit(main, _params, query) {
  const filters = { category: query.get("category") ?? "", type: query.get("type") ?? "", result: query.get("result") ?? "" };
  const offset = Math.max(0, Number.parseInt(query.get("offset") ?? "0", 10) || 0);
  main.append(h("h2", {}, "Audit log"));
  const select = (name, values) => h("select", { id: `audit-${name}`, name },
    values.map((v) => h("option", { value: v, selected: v === filters[name] }, v || "all")));
  const form = h("form", { class: "filters", id: "audit-filters" },
    h("label", {}, "Category ", select("category", CATEGORIES)),
    h("label", {}, "Type ", h("input", { id: "audit-type", name: "type", value: filters.type, placeholder: "e.g. write.approved", size: 18 })),
    h("label", {}, "Result ", select("result", RESULTS)),
    h("button", { type: "submit", id: "audit-apply" }, "Apply"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    go({ category: form.elements.category.value, type: form.elements.type.value.trim(), result: form.elements.result.value, offset: 0 });
  });
  const status = h("div", { id: "audit-status" });
  const body = h("div", { id: "audit-body" });
  main.append(status, form, body);

  function go(q) {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, ...q })) if (v !== "" && v !== 0 && v !== undefined) p.set(k, v);
    location.hash = p.size ? `#/audit?${p}` : "#/audit";
  }

  let r;
  try {
    r = await gw.get("/api/audit", { ...filters, limit: LIMIT, offset });
  } catch (e) {
    if (e instanceof Unavailable) { body.replaceChildren(failure(e, "Audit log")); return; }
    const hint = e.status === 401 && !session() ? [" ", h("a", { href: `#/signin?next=${encodeURIComponent("/audit")}` }, "Sign in"), " to read it."] : [];
    body.replaceChildren(h("div", { class: "notice error", role: "alert" }, h("strong", {}, "Audit log: "), explain(e), ...hint));
    return;
  }
  status.replaceChildren(verification(r.verified), capacity(r.capacity) ?? "");
  const first = r.total ? r.offset + 1 : 0, lastShown = r.offset + r.items.length;
  const newer = h("button", { type: "button", id: "audit-newer", disabled: r.offset === 0, onclick: () => go({ offset: Math.max(0, r.offset - LIMIT) }) }, "← Newer");
  const older = h("button", { type: "button", id: "audit-older", disabled: lastShown >= r.total, onclick: () => go({ offset: r.offset + LIMIT }) }, "Older →");
  body.replaceChildren(
    r.items.length
      ? h("table", { class: "grid", id: "audit-table" },
          h("caption", { class: "sr-only" }, "Audit records, newest first"),
          h("thead", {}, h("tr", {}, ["#", "Time", "Category", "Type", "Result", "Actor", "Source", "Detail"].map((c) => h("th", { scope: "col" }, c)))),
          h("tbody", {}, r.items.map((a) => h("tr", { dataset: { type: a.type, result: a.result } },
            h("td", { class: "num" }, String(a.index)), h("td", {}, time(a.time)), h("td", {}, a.category),
            h("td", {}, h("code", {}, a.type)), h("td", { class: `result-${a.result}` }, a.result),
            h("td", {}, a.actor ?? "–"), h("td", {}, a.source ?? "–"),
            h("td", {}, a.id ? h("code", { class: "muted" }, a.id) : "", a.id ? " " : "", detail(a.detail))))))
      : h("p", { id: "audit-empty" }, "No audit records match these filters."),
    h("p", { class: "pager", id: "audit-pager" }, newer, ` ${first}–${lastShown} of ${r.total} `, older));
}

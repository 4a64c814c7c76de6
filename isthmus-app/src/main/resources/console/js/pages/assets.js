// Asset inventory: search, filter by role and Purdue level, sort, page; rows link to the detail page.
import { h, time, debounce } from "../dom.js";
import { get, failure } from "../api.js";

const PAGE = 50;

function select(id, label, options, value) {
  return h("label", {}, label + " ",
    h("select", { id }, options.map(([v, text]) => h("option", { value: v, selected: v === value }, text))));
}

export default async function assets(main, _params, query) {
  const state = {
    q: query.get("q") ?? "", role: query.get("role") ?? "", level: query.get("level") ?? "",
    sort: query.get("sort") ?? "name", order: query.get("order") ?? "asc", offset: 0,
  };
  main.append(h("h2", {}, "Assets"));
  let all;
  try {
    all = await get("/api/assets"); // the first page (server default size) seeds the role and level filters
  } catch (e) {
    main.append(failure(e, "Asset inventory"));
    return;
  }
  const roles = [...new Set(all.items.map((a) => a.role).filter(Boolean))].sort();
  const levels = [...new Set(all.items.map((a) => a.level).filter((l) => l !== null && l !== undefined))].map(String).sort();
  const form = h("form", { class: "filters", role: "search", "aria-label": "Find assets", onsubmit: (e) => e.preventDefault() },
    h("label", {}, "Search ", h("input", { id: "asset-q", type: "search", value: state.q, placeholder: "name, IP, vendor…" })),
    select("asset-role", "Role", [["", "any"], ...roles.map((r) => [r, r])], state.role),
    select("asset-level", "Level", [["", "any"], ...levels.map((l) => [l, l])], state.level),
    select("asset-sort", "Sort by", [["name", "name"], ["ip", "IP"], ["level", "level"], ["lastSeen", "last seen"]], state.sort),
    select("asset-order", "Order", [["asc", "ascending"], ["desc", "descending"]], state.order));
  const summary = h("p", { id: "asset-summary", role: "status" });
  const body = h("tbody");
  const pager = h("div", { class: "pager" });
  main.append(form, summary,
    h("table", { class: "grid", id: "asset-table" },
      h("caption", { class: "sr-only" }, "Assets seen on the network"),
      h("thead", {}, h("tr", {}, ["Name", "IP addresses", "Role", "Level", "Zone", "Vendor / model", "Protocols", "Alerts", "Last seen"].map((c) => h("th", { scope: "col" }, c)))),
      body),
    pager);

  let shown = null; // the last answer drawn: a refresh that brings nothing new leaves the table alone
  const load = async () => {
    let page;
    try {
      page = await get("/api/assets", { q: state.q, role: state.role, level: state.level, sort: state.sort, order: state.order, limit: PAGE, offset: state.offset });
    } catch (e) {
      shown = null;
      body.replaceChildren();
      summary.replaceChildren(failure(e, "Assets"));
      return;
    }
    const answer = JSON.stringify([state, page]);
    if (answer === shown) return;
    shown = answer;
    summary.textContent = `${page.total} assets${state.q ? ` matching “${state.q}”` : ""}`;
    body.replaceChildren(...page.items.map((a) => h("tr", {},
      h("td", {}, h("a", { href: `#/assets/${encodeURIComponent(a.id)}` }, a.name || a.id)),
      h("td", {}, (a.ips ?? []).join(", ")),
      h("td", {}, a.role ?? "–"),
      h("td", {}, a.level ?? "–"),
      h("td", {}, a.zone ?? "–"),
      h("td", {}, [a.vendor, a.model].filter(Boolean).join(" ") || "–"),
      h("td", {}, (a.protocols ?? []).join(", ")),
      h("td", { class: a.alerts ? "bad num" : "num" }, String(a.alerts ?? 0)),
      h("td", {}, time(a.lastSeen)))));
    const prev = h("button", { type: "button", disabled: state.offset === 0, onclick: () => { state.offset = Math.max(0, state.offset - PAGE); load(); } }, "Previous");
    const next = h("button", { type: "button", disabled: state.offset + PAGE >= page.total, onclick: () => { state.offset += PAGE; load(); } }, "Next");
    pager.replaceChildren(prev, ` ${page.total ? state.offset + 1 : 0}–${Math.min(page.total, state.offset + PAGE)} of ${page.total} `, next);
  };
  const change = () => {
    state.q = document.getElementById("asset-q").value.trim();
    state.role = document.getElementById("asset-role").value;
    state.level = document.getElementById("asset-level").value;
    state.sort = document.getElementById("asset-sort").value;
    state.order = document.getElementById("asset-order").value;
    state.offset = 0;
    load();
  };
  form.addEventListener("input", debounce(change, 200));
  form.addEventListener("change", change);
  await load();
  // The sensor publishes its inventory every few seconds (5 s by default): new assets show up
  // without reloading, also when the page was opened before the first ones were seen.
  const timer = setInterval(load, 5000);
  return () => clearInterval(timer);
}

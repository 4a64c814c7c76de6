// Isthmus console: a hash router over the pages in js/pages, one live event stream for all of them.
import * as live from "./js/live.js";
import { h } from "./js/dom.js";
import overview from "./js/pages/overview.js";
import assets from "./js/pages/assets.js";
import asset from "./js/pages/asset.js";
import map from "./js/pages/map.js";
import tags from "./js/pages/tags.js";
import incidents from "./js/pages/incidents.js";
import incident from "./js/pages/incident.js";
import oee from "./js/pages/oee.js";
import energy from "./js/pages/energy.js";
import runbooks from "./js/pages/runbooks.js";
import signin from "./js/pages/signin.js";
import approvals from "./js/pages/approvals.js";
import audit from "./js/pages/audit.js";
import * as gateway from "./js/session.js";

// [pattern, nav entry, page]; a page is (container, params) => optional cleanup function.
const ROUTES = [
  [/^\/?$/, "overview", overview],
  [/^\/assets$/, "assets", assets],
  [/^\/assets\/(.+)$/, "assets", asset],
  [/^\/map$/, "map", map],
  [/^\/tags(?:\/(.+))?$/, "tags", tags],
  [/^\/incidents$/, "incidents", incidents],
  [/^\/incidents\/(.+)$/, "incidents", incident],
  [/^\/oee$/, "oee", oee],
  [/^\/energy$/, "energy", energy],
  [/^\/runbooks(?:\/(.+))?$/, "runbooks", runbooks],
  [/^\/signin$/, "signin", signin],
  [/^\/approvals$/, "approvals", approvals],
  [/^\/audit$/, "audit", audit],
];

let cleanup = null;

async function route() {
  const hash = decodeURI(location.hash.replace(/^#/, "")) || "/";
  const [path, query] = hash.split("?");
  const main = document.getElementById("page");
  if (cleanup) { cleanup(); cleanup = null; }
  main.replaceChildren();
  const match = ROUTES.map(([re, nav, page]) => [re.exec(path), nav, page]).find(([m]) => m);
  document.querySelectorAll("#nav a").forEach((a) => {
    if (match && a.dataset.route === match[1]) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  });
  if (!match) {
    main.append(h("h2", { tabindex: -1 }, "Page not found"), h("p", {}, "No console page at ", h("code", {}, hash), ". ", h("a", { href: "#/" }, "Overview")));
    return;
  }
  const [m, nav, page] = match;
  main.dataset.page = nav;
  const params = m.slice(1).map((p) => (p === undefined ? undefined : decodeURIComponent(p)));
  try {
    cleanup = (await page(main, params, new URLSearchParams(query ?? ""))) ?? null;
  } catch (e) {
    console.error(e);
    main.append(h("div", { class: "notice error", role: "alert" }, `This page failed: ${e.message}`));
  }
  const heading = main.querySelector("h2");
  if (heading && document.activeElement?.closest?.("nav")) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: false }); // keyboard users land on the new page's title
  }
  document.title = `Isthmus — ${heading?.textContent ?? "console"}`;
}

function header() {
  const badge = document.getElementById("stream-state");
  live.on("state", (s) => { badge.textContent = s; badge.className = `badge badge-${s === "live" ? "live" : "down"}`; });
  live.on("samples", (samples) => {
    let latest = null;
    for (const s of samples) if (!latest || s.ts > latest) latest = s.ts;
    if (latest) document.getElementById("updated").textContent = `updated ${new Date(latest).toLocaleTimeString()}`;
    const first = samples[0];
    const name = document.getElementById("line-name");
    if (first && name.textContent === "Virtual factory") name.textContent = first.path.split("/").slice(0, 4).join("/");
  });
  const health = async () => {
    try {
      const r = await fetch("/api/health");
      const h = await r.json();
      document.getElementById("sim-info").textContent = h.scenario
        ? `scenario ${h.scenario} · simulated ${Math.round(h.elapsedSeconds)} s · ${h.speed}×`
        : `${h.role ?? "hub"} · ${h.status}`;
    } catch { /* the stream badge shows the outage */ }
  };
  health();
  setInterval(health, 5000);
}

/** Who is signed in to the access gateway, in the header, with a sign-out button. */
function sessionBadge() {
  const box = document.getElementById("session");
  const draw = (s) => {
    box.replaceChildren(s
      ? h("span", {}, "signed in as ", h("strong", { id: "session-account" }, s.account), " ",
          h("button", { type: "button", id: "header-signout", class: "link", onclick: () => { gateway.signOut(); location.hash = "#/signin"; } }, "Sign out"))
      : h("a", { href: "#/signin", id: "header-signin" }, "Sign in"));
  };
  draw(gateway.session());
  gateway.onChange(draw);
}

async function main() {
  header();
  sessionBadge();
  live.seed(); // not awaited: the page's own requests go out alongside it (live.seeded says when it is in)
  live.connect();
  window.addEventListener("hashchange", route);
  await route();
}

main();

// Reading the hub's REST API. A 404 whose problem says "no API endpoint" means the capability is not
// part of this hub (yet): pages show that plainly instead of failing.
import { h } from "./dom.js";

export class Unavailable extends Error {
  constructor(path) {
    super(`${path} is not available on this hub`);
    this.path = path;
  }
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function read(r, path) {
  const type = r.headers.get("content-type") ?? "";
  const body = type.includes("json") ? await r.json() : null;
  if (r.ok) return body;
  if (r.status === 404 && String(body?.detail ?? "").startsWith("no API endpoint")) throw new Unavailable(path);
  throw new ApiError(r.status, body);
}

/** GET path (with query params from `params`, empty ones left out) as JSON. */
export async function get(path, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") q.set(k, v);
  const url = q.size ? `${path}?${q}` : path;
  return read(await fetch(url, { headers: { Accept: "application/json" } }), path);
}

export async function post(path, body) {
  const r = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
  });
  return read(r, path);
}

/** The box a page shows when a capability is missing or a request failed. */
export function failure(e, what) {
  if (e instanceof Unavailable) {
    return h("div", { class: "notice unavailable", role: "note", dataset: { unavailable: e.path } },
      h("strong", {}, `${what}: not available on this hub. `),
      `This hub does not serve ${e.path} yet; the page fills in once that capability is installed.`);
  }
  return h("div", { class: "notice error", role: "alert" }, h("strong", {}, `${what}: `), e.message);
}

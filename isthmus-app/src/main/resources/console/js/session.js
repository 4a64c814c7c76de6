// The access gateway session: sign-in, who is signed in, and authorised calls to /gw. The token
// lives in memory and in sessionStorage (this tab only, gone when it closes) — never in
// localStorage, so it does not outlive the tab or leak into other tabs.
import { Unavailable, ApiError } from "./api.js";

const KEY = "isthmus.gateway.session";
const listeners = new Set();
let current = load();

function load() {
  try { return JSON.parse(sessionStorage.getItem(KEY)) ?? null; } catch { return null; }
}

function set(s) {
  current = s;
  if (s) sessionStorage.setItem(KEY, JSON.stringify(s));
  else sessionStorage.removeItem(KEY);
  for (const fn of listeners) {
    try { fn(s); } catch (e) { console.error(e); }
  }
}

/** The session `{token, account, roles, kind}` or null. */
export function session() {
  return current;
}

/** Calls `fn(session)` on every sign-in, sign-out and expiry; returns the unsubscribe function. */
export function onChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Why the gateway refused: the problem document's detail, plus Retry-After for a lockout. */
export class GatewayError extends ApiError {
  constructor(status, problem, retryAfter) {
    super(status, problem);
    this.retryAfter = retryAfter;
  }
}

/** The session ended at the gateway (expired or revoked): the console forgets it. */
export class SessionExpired extends Error {
  constructor() {
    super("your gateway session has expired or is no longer valid: sign in again");
  }
}

function unmounted(status, body) {
  // A hub without the gateway answers /gw/... with its web server's own 404 (no problem detail);
  // unknown API paths say "no API endpoint". The gateway's real 404s (no such approval) have a detail.
  return status === 404 && (!body || body.detail === undefined || /^no (API|gateway) endpoint/.test(String(body.detail)));
}

async function call(method, path, body, auth = true) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (auth && current?.token) headers.Authorization = `Bearer ${current.token}`;
  const r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const type = r.headers.get("content-type") ?? "";
  const json = type.includes("json") ? await r.json() : null;
  if (r.ok) return json;
  if (unmounted(r.status, json)) throw new Unavailable(path.split("?")[0]);
  if (r.status === 401 && auth && current) {
    set(null);
    throw new SessionExpired();
  }
  const retry = Number(r.headers.get("Retry-After"));
  throw new GatewayError(r.status, json, Number.isFinite(retry) && retry > 0 ? retry : undefined);
}

export const gw = {
  get: (path, params = {}) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") q.set(k, v);
    return call("GET", q.size ? `${path}?${q}` : path);
  },
  post: (path, body = {}) => call("POST", path, body),
};

/** POST /gw/login; keeps the session on success, throws GatewayError (401, 429 + retryAfter) otherwise. */
export async function signIn(user, password, totp) {
  const r = await call("POST", "/gw/login", { user, password, totp }, false);
  set({ token: r.token, account: r.account, roles: r.roles ?? [], kind: r.kind });
  return current;
}

/** GET /gw/me: refreshes name and roles; an expired session is forgotten (SessionExpired). */
export async function me() {
  if (!current) return null;
  try {
    const r = await gw.get("/gw/me");
    set({ ...current, account: r.name ?? r.account ?? current.account, roles: r.roles ?? current.roles });
  } catch (e) {
    if (!(e instanceof Unavailable)) throw e; // a hub without /gw/me: keep what the login said
  }
  return current;
}

/**
 * Signs out: POST /gw/logout revokes the token at the gateway at once (its next use is refused),
 * then the console forgets it — also when the gateway cannot be reached or the session had
 * already ended, so the token never outlives the button.
 */
export async function signOut() {
  const token = current?.token;
  set(null);
  if (!token) return;
  try {
    await fetch("/gw/logout", { method: "POST", headers: { Accept: "application/json", Authorization: `Bearer ${token}` } });
  } catch (e) {
    console.warn("sign-out: the gateway could not be told", e);
  }
}

/** A sentence for an error of a gateway call, from its RFC 9457 problem. */
export function explain(e) {
  if (e instanceof SessionExpired) return e.message;
  if (e instanceof GatewayError) {
    switch (e.status) {
      case 401: return "Sign-in failed: the name, password or code is wrong (the gateway does not say which).";
      case 429: return `Too many failed sign-ins: locked${e.retryAfter ? ` — try again in ${wait(e.retryAfter)}` : ""}. ${e.problem?.detail ?? ""}`.trim();
      case 403: return `Not allowed: ${e.problem?.detail ?? "the gateway denied this"}`;
      case 503: return `The gateway could not record this, so nothing was done: ${e.problem?.detail ?? ""}`;
      default: return `${e.problem?.title ?? "Error"} (${e.status}): ${e.problem?.detail ?? e.message}`;
    }
  }
  return e.message;
}

function wait(seconds) {
  return seconds >= 90 ? `${Math.ceil(seconds / 60)} min` : `${seconds} s`;
}

// Career Atlas: the reader's saved state for this page, shared by the scripts that show it (one
// module, so one state per page). It reads storage once, writes on every change, and follows other
// tabs. A page opened from a share link (`#saved=…`) shows the link's state instead, and saves
// nothing until the reader keeps it.
import { KEY, mergeStates, readState, storageMessage, validate, writeState, openStorage } from "./storage.js";

/** @typedef {import("./storage.js").State} State */

const SHARE_PREFIX = "#saved=";

/** UTF-8 JSON as base64url, for the fragment of a link. @param {State} state */
export function encodeShare(state) {
  const bytes = new TextEncoder().encode(JSON.stringify(state));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The state a fragment carries, or null. @param {string} hash */
export function decodeShare(hash) {
  if (!hash.startsWith(SHARE_PREFIX)) return null;
  try {
    const binary = atob(hash.slice(SHARE_PREFIX.length).replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
    return validate(JSON.parse(new TextDecoder().decode(bytes)));
  } catch {
    return null;
  }
}

/** A link to this page carrying `state`. @param {State} state */
export function shareLink(state) {
  return `${window.location.origin}${window.location.pathname}${SHARE_PREFIX}${encodeShare(state)}`;
}

const store = openStorage();
let { state, legacyKeys } = readState(store);
/** @type {State | null} */
let shared = decodeShare(window.location.hash);
/** @type {Set<() => void>} */
const listeners = new Set();

function notify() {
  for (const listener of listeners) listener();
}

function dropFragment() {
  if (window.location.hash.startsWith(SHARE_PREFIX)) history.replaceState(null, "", `${window.location.pathname}${window.location.search}`);
}

function write() {
  const result = writeState(store, state, legacyKeys);
  if (result === "saved") legacyKeys = [];
  return storageMessage(result);
}

export const session = {
  /** What the page shows: the shared state while one is previewed, else the saved one. */
  get state() {
    return shared ?? state;
  },
  get previewing() {
    return shared !== null;
  },
  /** Whether the browser lets the site keep anything. */
  get storable() {
    return store !== null;
  },
  /**
   * Changes the state and saves it.
   * @param {(state: State) => void} change
   * @returns {string} what to tell the reader: "" when saved
   */
  update(change) {
    change(shared ?? state);
    if (shared) return "Shown from a shared link and not saved: keep it to save it in this browser.";
    return write();
  },
  /**
   * Puts `incoming` in place of what is saved, or merges it in; ends a preview.
   * @param {State} incoming @param {"replace" | "merge"} mode @returns {string} "" when saved
   */
  adopt(incoming, mode) {
    state = mode === "merge" ? mergeStates(state, incoming) : incoming;
    shared = null;
    dropFragment();
    const message = write();
    notify();
    return message;
  },
  /** Ends a preview without keeping it. */
  discard() {
    shared = null;
    dropFragment();
    notify();
  },
  /** @param {() => void} listener called when the state changes under the page (another tab, an import) */
  subscribe(listener) {
    listeners.add(listener);
  },
};

window.addEventListener("storage", (event) => {
  if (event.key !== KEY) return;
  state = readState(store).state;
  if (!shared) notify();
});

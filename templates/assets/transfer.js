// Career Atlas: "take it with me". Export downloads everything the site keeps in this browser as
// one versioned JSON file; import reads such a file, says what it holds against what is here, and
// replaces or merges on the reader's word; share puts the state in a link's fragment, which
// browsers never send to a server. The page the link opens shows that state (see session.js), with
// a banner offering to keep it.
import { session, shareLink } from "./session.js";
import { describeState, validate } from "./storage.js";

const EXPORT_FILE = "career-atlas-progress.json";
let bound = false;

/** Saves `text` as a file named `name`. @param {string} text @param {string} name @param {string} type */
export function downloadText(text, name, type) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/**
 * Shows the page's transfer tools and the shared-link banner, if it has them.
 * @param {() => void} refresh shows the state again after it changed
 */
export function setUpTransfer(refresh) {
  session.subscribe(refresh);
  // One set of tools per page, however many scripts show saved state.
  if (bound) return;
  bound = true;
  const tools = /** @type {HTMLElement | null} */ (document.querySelector("[data-transfer]"));
  const banner = /** @type {HTMLElement | null} */ (document.querySelector("[data-shared]"));
  if (banner && session.previewing) {
    banner.hidden = false;
    for (const button of banner.querySelectorAll("[data-keep]")) {
      button.addEventListener("click", () => {
        const mode = /** @type {HTMLElement} */ (button).dataset.keep;
        const status = tools?.querySelector("[data-transfer-status]");
        const incoming = session.state;
        const message = mode === "discard" ? (session.discard(), "The shared progress was set aside; this page shows yours again.") : session.adopt(incoming, mode === "merge" ? "merge" : "replace") || "Kept in this browser.";
        banner.hidden = true;
        if (status) status.textContent = message;
        const focus = /** @type {HTMLElement | null} */ (document.querySelector("h1"));
        focus?.setAttribute("tabindex", "-1");
        focus?.focus();
      });
    }
  }
  if (!tools) return;
  const status = /** @type {HTMLElement} */ (tools.querySelector("[data-transfer-status]"));
  const fileInput = /** @type {HTMLInputElement} */ (tools.querySelector("[data-import]"));
  const preview = /** @type {HTMLElement} */ (tools.querySelector("[data-import-preview]"));
  const summary = /** @type {HTMLElement} */ (tools.querySelector("[data-import-summary]"));
  const shareLine = /** @type {HTMLElement} */ (tools.querySelector("[data-share-line]"));
  const shareInput = /** @type {HTMLInputElement} */ (tools.querySelector("[data-share-link]"));
  /** @type {import("./storage.js").State | null} */
  let pending = null;
  tools.hidden = false;

  tools.querySelector("[data-export]")?.addEventListener("click", () => {
    const payload = { ...session.state, exported: new Date().toISOString(), from: window.location.origin };
    downloadText(`${JSON.stringify(payload, null, 2)}\n`, EXPORT_FILE, "application/json");
    status.textContent = `Exported ${describeState(session.state)}.`;
  });

  tools.querySelector("[data-share]")?.addEventListener("click", async () => {
    shareInput.value = shareLink(session.state);
    shareLine.hidden = false;
    shareInput.focus();
    shareInput.select();
    let copied = false;
    try {
      await navigator.clipboard.writeText(shareInput.value);
      copied = true;
    } catch {
      copied = false;
    }
    status.textContent = `${copied ? "Link copied" : "Link made: copy it from the box"}. It carries ${describeState(session.state)} in its address, after the #; opening it sends none of it anywhere.`;
  });

  fileInput.addEventListener("change", async () => {
    const file = fileInput.files?.[0];
    pending = null;
    preview.hidden = true;
    if (!file) return;
    let incoming = null;
    try {
      incoming = file.size > 2_000_000 ? null : validate(JSON.parse(await file.text()));
    } catch {
      incoming = null;
    }
    if (!incoming) {
      status.textContent = `${file.name} is not a Career Atlas export (version 1): nothing was changed. Choose a file made by “Export my data”.`;
      return;
    }
    pending = incoming;
    summary.textContent = `${file.name} holds ${describeState(incoming)}. This browser holds ${describeState(session.state)}. Replace drops what is here; merge keeps both, the file winning where they differ.`;
    preview.hidden = false;
    status.textContent = "";
    /** @type {HTMLElement | null} */ (preview.querySelector("button"))?.focus();
  });

  for (const button of preview.querySelectorAll("[data-import-apply]")) {
    button.addEventListener("click", () => {
      const mode = /** @type {HTMLElement} */ (button).dataset.importApply;
      preview.hidden = true;
      fileInput.value = "";
      fileInput.focus();
      if (!pending || mode === "cancel") {
        pending = null;
        status.textContent = "Import cancelled: nothing was changed.";
        return;
      }
      const incoming = pending;
      pending = null;
      status.textContent = session.adopt(incoming, mode === "merge" ? "merge" : "replace") || `Imported: this browser now holds ${describeState(session.state)}.`;
    });
  }
}

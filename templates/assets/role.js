// Career Atlas: the role page. Its levels and guide sections fold (<details>); a link to one of
// them (the table of contents, a plan's "compared with" link, an address with #level-mid) opens it,
// so the reader lands on its text, not on a closed heading. Without JavaScript each opens by a click.

/** Opens the folded part the address points to, or the one holding it. */
function openTarget() {
  const id = decodeURIComponent(window.location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  const fold = target?.closest("details");
  if (fold && !fold.open) {
    fold.open = true;
    target.scrollIntoView();
  }
}

window.addEventListener("hashchange", openTarget);
openTarget();

// Wide tables scroll sideways inside their own box (Material wraps each table in
// .md-typeset__scrollwrap). When a table is wider than its box, make the box a named region that
// can take keyboard focus, so people using a keyboard or a screen reader can scroll it too.
// It runs on every page shown, after instant navigation too (guidance-kit.js onEveryPage).
window.guidanceKit.onEveryPage(() => {
  for (const box of document.querySelectorAll(".md-typeset__scrollwrap")) {
    const update = () => markScrollable(box, box.scrollWidth > box.clientWidth + 1);
    new ResizeObserver(update).observe(box);
    update();
  }
});

function markScrollable(box, scrollable) {
  if (!scrollable) {
    for (const name of ["tabindex", "role", "aria-label"]) box.removeAttribute(name);
    return;
  }
  box.tabIndex = 0;
  box.setAttribute("role", "region");
  box.setAttribute("aria-label", `${tableName(box)} (scrolls sideways)`);
}

// The table's caption, or else the heading it sits under.
function tableName(box) {
  const caption = box.querySelector("caption");
  if (caption) return caption.textContent.trim();
  for (let node = box; node && !node.matches(".md-typeset"); node = node.parentElement) {
    for (let sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      if (/^H[1-6]$/.test(sibling.tagName)) return sibling.textContent.replace("¶", "").trim();
    }
  }
  return "Table";
}

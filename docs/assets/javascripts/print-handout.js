// Prepares a page for printing as a handout.
// - Its footer gives the address in the browser, including a tool's chosen options, rather than
//   the site's configured address.
// - Links within the site are marked, so the print styles show the address of links to other
//   websites only: Material's instant navigation makes every href absolute, so the styles
//   cannot tell them apart by the href alone.
function prepare() {
  for (const address of document.querySelectorAll("[data-page-address]"))
    address.textContent = location.href.split("#")[0]
  for (const link of document.querySelectorAll(".md-content a[href]"))
    if (link.origin === location.origin) link.dataset.internal = ""
}

window.guidanceKit.onEveryPage(prepare)
addEventListener("beforeprint", prepare)

/* Show or hide each "overdue for review" mark by the reader's own date, not the build's: a page
   that passed its review date after the site was last built still says so. Without JavaScript
   the marks stay as the build left them. */
(function () {
  function update() {
    var today = new Date().toISOString().slice(0, 10)
    document.querySelectorAll("[data-review-due]").forEach(function (mark) {
      mark.hidden = !(today > mark.getAttribute("data-review-due"))
    })
  }
  if (typeof document$ !== "undefined") document$.subscribe(update)
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", update)
  else update()
})()

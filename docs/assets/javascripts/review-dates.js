/* Show or hide each "overdue for review" mark by the reader's own date, not the build's: a page
   that passed its review date after the site was last built still says so. Without JavaScript
   the marks stay as the build left them. */
(function () {
  function update() {
    var now = new Date()  // the reader's own calendar day, as year-month-day
    var today = [now.getFullYear(), now.getMonth() + 1, now.getDate()].map(function (part) {
      return String(part).padStart(2, "0")
    }).join("-")
    document.querySelectorAll("[data-review-due]").forEach(function (mark) {
      mark.hidden = !(today > mark.getAttribute("data-review-due"))
    })
    document.documentElement.setAttribute("data-review-dates", today)
  }
  if (typeof document$ !== "undefined") document$.subscribe(update)
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", update)
  else update()
})()

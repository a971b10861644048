// A "copy link" button beside every heading and table row that has its own link, so a trainer
// can put the exact address of a section or row on a slide. Without JavaScript, the ¶ link beside
// each one still gives the address. The button takes the link's place in the tab order, so
// keyboard users meet one control per section, not two. Nothing is stored or sent.
(function () {
  const { copyText, onEveryPage } = window.guidanceKit

  const LINK_ICON = '<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24"><path d="M10.59 13.41c.41.39.41 1.03 0 1.42-.39.39-1.03.39-1.42 0a5.003 5.003 0 0 1 0-7.07l3.54-3.54a5.003 5.003 0 0 1 7.07 0 5.003 5.003 0 0 1 0 7.07l-1.49 1.49c.01-.82-.12-1.64-.4-2.42l.47-.48a2.98 2.98 0 0 0 0-4.24 2.98 2.98 0 0 0-4.24 0l-3.53 3.53a2.98 2.98 0 0 0 0 4.24m2.82-4.24c.39-.39 1.03-.39 1.42 0a5.003 5.003 0 0 1 0 7.07l-3.54 3.54a5.003 5.003 0 0 1-7.07 0 5.003 5.003 0 0 1 0-7.07l1.49-1.49c-.01.82.12 1.64.4 2.43l-.47.47a2.98 2.98 0 0 0 0 4.24 2.98 2.98 0 0 0 4.24 0l3.53-3.53a2.98 2.98 0 0 0 0-4.24.973.973 0 0 1 0-1.42"/></svg>'
  const SHOWN_FOR = 4000 // milliseconds the "Link copied" note stays

  onEveryPage(() => {
    const article = document.querySelector("article.md-content__inner")
    if (!article || article.dataset.copyLinks) return // the same page can be announced twice
    article.dataset.copyLinks = "true"
    const status = statusLine(article)
    for (const link of article.querySelectorAll("a.headerlink, a.row-link"))
      if (link.hash) link.after(copyButton(link, status))
  })

  /** The button for one heading or row link. */
  function copyButton(link, status) {
    // Material's instant navigation makes every href absolute, so read the link's own fragment.
    const id = decodeURIComponent(link.hash.slice(1))
    const target = document.getElementById(id)
    const isRow = link.classList.contains("row-link")
    const name = isRow ? "row" : "section"
    const words = target ? target.textContent.replace("¶", "").replace(/\s+/g, " ").trim() : id
    const button = document.createElement("button")
    button.type = "button"
    button.className = "copy-link"
    button.setAttribute("aria-label", `Copy link to this ${name}: ${words.slice(0, 80)}`)
    button.title = `Copy link to this ${name}`
    button.innerHTML = LINK_ICON
    link.tabIndex = -1 // the button is the keyboard stop; the link still works for a mouse
    button.addEventListener("click", async () => {
      const address = location.href.split(/[?#]/)[0] + "#" + encodeURIComponent(id)
      const copied = await copyText(address)
      status.textContent = ""
      status.textContent = copied
        ? `Link copied: ${address}`
        : `Your browser did not allow copying. The link is ${address}`
      clearTimeout(status.timer)
      status.timer = setTimeout(() => (status.textContent = ""), SHOWN_FOR)
    })
    return button
  }

  /** One polite status line per page, in the article, that says what was copied; the styles show
   * it at the foot of the window while it has something to say. */
  function statusLine(article) {
    const status = document.createElement("p")
    status.className = "copy-link-status"
    status.setAttribute("role", "status")
    article.append(status)
    return status
  }
})()

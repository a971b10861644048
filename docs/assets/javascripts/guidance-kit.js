// Shared by the site's scripts: a classic script (not a module), so it runs where modules cannot,
// such as the offline edition opened from a shared drive (file://). It is loaded on every page
// before the others, and keeps nothing: no cookies, no storage, no requests. The only state the
// tools keep is the option ids in the page's address, so a link can share or restore a scenario.
(function () {
  if (window.guidanceKit) return // Material's instant navigation can run a page's scripts again

  /** Run `update` on every page shown: through Material's document$ (which also announces pages
   * reached by instant navigation), or once the page has loaded where document$ is missing. */
  function onEveryPage(update) {
    if (typeof document$ !== "undefined") document$.subscribe(() => update())
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => update())
    else update()
  }

  const enhanced = new Set()

  /** Run `setup` once on each element matching `selector`, on every page shown. A tool's script
   * may run again after instant navigation; the tool is set up once all the same. */
  function enhance(selector, setup) {
    if (enhanced.has(selector)) return
    enhanced.add(selector)
    onEveryPage(() => {
      for (const root of document.querySelectorAll(selector)) {
        if (root.dataset.enhanced) continue // the same page can be announced twice
        root.dataset.enhanced = "true"
        setup(root, JSON.parse(root.dataset.toolData))
      }
    })
  }

  /** The options in the address. */
  const options = () => new URLSearchParams(location.search)

  /** Replace the options in the address, without adding a step to the browser's history. Option
   * ids are lower-case words and hyphens, so they are written as they are, easy to read and edit.
   * A page opened from a file may refuse a new address; the choices still work on the page. */
  function keepOptions(pairs) {
    const query = pairs.map(([name, value]) => `${name}=${value}`).join("&")
    try {
      history.replaceState(history.state, "", location.pathname + (query ? `?${query}` : "") + location.hash)
    } catch {
      // Some browsers do not let a page opened from a file change its own address.
    }
  }

  /** Put text on the clipboard; say whether it worked. */
  async function copyText(text) {
    try {
      await navigator.clipboard.writeText(text)
      return true
    } catch {
      // The clipboard API needs a secure address (https, 127.0.0.1 or a file); many intranets
      // use http. The older way needs selected text: a read-only text area, removed at once.
      const area = document.createElement("textarea")
      area.value = text
      area.readOnly = true
      area.className = "tool-copy-buffer"
      document.body.append(area)
      area.select()
      const copied = document.execCommand("copy")
      area.remove()
      return copied
    }
  }

  /** Wire a tool's Copy, Print, Copy link and Reset buttons. `text()` gives what to copy;
   * `link()` the scenario's address (the page's own, unless the tool says otherwise). */
  function actions(root, status, { text, reset, link = () => location.href }) {
    root.addEventListener("click", async event => {
      const button = event.target.closest("button[data-action]")
      if (!button) return
      const action = button.dataset.action
      if (action === "print") window.print()
      if (action === "reset") {
        reset()
        status.textContent = "Your choices are cleared."
      }
      if (action === "copy")
        status.textContent = await copyText(text())
          ? "Copied. Paste it into an email or a case record."
          : "Your browser did not allow copying. Print the page instead."
      if (action === "link")
        status.textContent = await copyText(link())
          ? "Copied the link to this scenario: it holds your choices, never case details."
          : "Your browser did not allow copying. Copy the address from the address bar instead."
    })
  }

  /** The words of an element, on one line. */
  const words = element => element.textContent.replace(/\s+/g, " ").trim()

  /** The full address of a link written relative to this page, for copied text. */
  const address = href => new URL(href, location.href).href

  /** Where this copy of the site starts: Material's own __md_scope (the site's root, worked out by
   * every page), or the root its configuration gives. */
  function siteRoot() {
    if (typeof __md_scope !== "undefined") return new URL(__md_scope.href.replace(/\/?$/, "/"))
    const config = document.getElementById("__config")
    const base = config ? JSON.parse(config.textContent).base : "."
    return new URL(`${base}/`, location.href)
  }

  /** A link's address on the published site (`root`), for text that leaves this one: a copy on an
   * intranet, a shared drive or this computer has addresses the reader of a request cannot open.
   * A page of the offline edition (`page.html`) is `page/` there. Links to other sites stay. */
  function publishedAddress(href, root) {
    const target = new URL(href, location.href)
    const here = siteRoot().href
    if (!root || !target.href.startsWith(here)) return target.href
    const path = target.href.slice(here.length)
      .replace(/(^|\/)index\.html(?=[#?]|$)/, "$1").replace(/\.html(?=[#?]|$)/, "/")
    return new URL(path, root).href
  }

  /** A tool's "If a child is in immediate danger" box (made from the partnership's data) as
   * lines of copied text, so what a practitioner pastes or prints always carries it. */
  function immediateDanger(root) {
    const box = root.querySelector("[data-immediate-danger]")
    if (!box) return []
    const steps = [...box.querySelectorAll("[data-immediate-danger-steps] li")]
      .map((step, number) => `${number + 1}. ${words(step)}`)
    const example = box.querySelector("[data-immediate-danger-example]")
    return [`${words(box.querySelector(".admonition-title"))}:`, ...steps,
      ...example ? [words(example)] : [], ""]
  }

  window.guidanceKit = Object.freeze({
    onEveryPage, enhance, options, keepOptions, copyText, actions, words, address,
    immediateDanger, publishedAddress,
  })
})()

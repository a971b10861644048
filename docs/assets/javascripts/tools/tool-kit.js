// Shared by the thinking tools. They keep nothing: no cookies, no storage, no requests. The only
// state is the option ids in the page's address, so a link can share or restore a scenario.

/** Run `setup` on each element matching `selector`, on every page Material shows. */
export function enhance(selector, setup) {
  document$.subscribe(() => {
    for (const root of document.querySelectorAll(selector)) {
      if (root.dataset.enhanced) continue // the same page can be announced twice
      root.dataset.enhanced = "true"
      setup(root, JSON.parse(root.dataset.toolData))
    }
  })
}

/** The options in the address. */
export const options = () => new URLSearchParams(location.search)

/** Replace the options in the address, without adding a step to the browser's history. Option
 * ids are lower-case words and hyphens, so they are written as they are, easy to read and edit. */
export function keepOptions(pairs) {
  const query = pairs.map(([name, value]) => `${name}=${value}`).join("&")
  history.replaceState(history.state, "", location.pathname + (query ? `?${query}` : "") + location.hash)
}

/** Put text on the clipboard; say whether it worked. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    // The clipboard API needs a secure address (https or 127.0.0.1); many intranets use http.
    // The older way needs selected text: a read-only text area that is removed at once.
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

/** Wire the tool's Copy, Print and Reset buttons. `text()` gives what to copy. */
export function actions(root, status, { text, reset }) {
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
  })
}

/** The words of an element, on one line. */
export const words = element => element.textContent.replace(/\s+/g, " ").trim()

/** The full address of a link written relative to this page, for copied text. */
export const address = href => new URL(href, location.href).href

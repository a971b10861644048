// The information request planner: a request to each organisation chosen, for the person and
// the kinds of information chosen, to copy or print one by one or all together. A record whose
// condition is not known for the person stays listed, with what to ask. See guidance-kit.js.
(function () {
  const { actions, enhance, immediateDanger, keepOptions, options, publishedAddress, words } = window.guidanceKit

  enhance('[data-tool="request-planner"]', (root, data) => {
    const form = root.querySelector("[data-tool-choices]")
    const status = root.querySelector("[data-tool-status]")
    const choice = root.querySelector("[data-planner-choice]")
    const empty = root.querySelector("[data-planner-empty]")
    const people = [...form.querySelectorAll('input[name="person"]')]
    const kinds = [...form.querySelectorAll('input[name="category"]')]
    const organisations = [...form.querySelectorAll('input[name="organisation"]')]
    const organisationsChosen = form.querySelector("[data-organisations-chosen]")
    const holders = [...root.querySelectorAll("[data-holder]")]
    const reminders = [...root.querySelectorAll("[data-reminder]")]
    form.hidden = false
    root.querySelector("[data-tool-actions]").hidden = false
    for (const holder of holders) holder.querySelector("[data-holder-actions]").hidden = false
    form.addEventListener("submit", event => event.preventDefault())

    const chosen = () => ({
      person: people.find(input => input.checked)?.value ?? "",
      kinds: kinds.filter(input => input.checked).map(input => input.value),
      organisations: organisations.filter(input => input.checked).map(input => input.value),
    })

    function restore() {
      const params = options()
      for (const input of people) input.checked = input.value === params.get("person")
      for (const [name, inputs] of [["categories", kinds], ["organisations", organisations]])
        if (params.has(name)) {
          const wanted = params.get(name).split(",")
          for (const input of inputs) input.checked = wanted.includes(input.value)
        }
    }

    function describe({ person, kinds: picked, organisations: asked }) {
      const who = person ? `Person of concern: ${data.people[person]}.`
        : "Person of concern: not chosen, so every record is listed."
      const what = picked.length === kinds.length ? "all"
        : picked.map(id => data.categories[id]).join(", ") || "none"
      const whom = asked.length === organisations.length ? "all" : `${asked.length} chosen`
      return `${who} Kinds of information: ${what}. Organisations: ${whom}.`
    }

    function show(announce) {
      const state = chosen()
      const applies = list => !state.person || !list.length || list.includes(state.person)
      let records = 0
      let shown = 0
      for (const holder of holders) {
        let count = 0
        for (const entry of holder.querySelectorAll(".planner-entries li")) {
          const condition = data.conditions[entry.dataset.condition]
          const unknown = Boolean(condition && state.person
            && condition.notKnown.includes(state.person))
          entry.hidden = !entry.dataset.category.split(" ").some(id => state.kinds.includes(id))
            || (condition && !unknown && !applies(condition.applies))
          const ask = entry.querySelector("[data-condition-ask]")
          if (ask) {
            ask.hidden = !unknown
            entry.querySelector("[data-condition-wording]").hidden = unknown
          }
          count += !entry.hidden
        }
        holder.hidden = !count || !state.organisations.includes(holder.dataset.holder)
        records += holder.hidden ? 0 : count
        shown += !holder.hidden
      }
      for (const reminder of reminders)
        reminder.hidden = !applies(data.reminders[reminder.dataset.reminder])
      empty.hidden = records > 0
      choice.textContent = describe(state)
      organisationsChosen.textContent = state.organisations.length === organisations.length
        ? "All of them" : `${state.organisations.length} of ${organisations.length}`
      const pairs = state.person ? [["person", state.person]] : []
      if (state.kinds.length < kinds.length) pairs.push(["categories", state.kinds.join(",")])
      if (state.organisations.length < organisations.length)
        pairs.push(["organisations", state.organisations.join(",")])
      keepOptions(pairs)
      if (announce) status.textContent = `${records} records to ask ${shown} organisations for.`
    }

    // One organisation's request as text to paste: its request block, the records shown.
    function request(holder) {
      const lines = []
      for (const part of holder.querySelector("[data-request-text]").children) {
        if (part.tagName === "UL")
          lines.push(...[...part.children].filter(item => !item.hidden)
            .map(item => `- ${shownWords(item)}`), "")
        else lines.push(withAddresses(part), "")
      }
      return lines.join("\n").trim()
    }

    // Notes for the practitioner, never in a request: the danger route, caution, first steps.
    function notes(shownHolders) {
      const lines = ["Notes for you, not to send with a request:", "", ...immediateDanger(root)]
      const caution = root.querySelector("[data-not-alerting]")
      if (caution) {
        lines.push(`${words(caution.querySelector(".admonition-title"))}: ${words(caution.lastElementChild)}`)
        const reaching = shownHolders.filter(holder => holder.querySelector('[data-note="caution"]'))
          .map(holder => words(holder.querySelector("h3")))
        if (reaching.length) lines.push(`A request to these could reach the person of concern: ${reaching.join("; ")}.`)
      }
      for (const holder of shownHolders) {
        const first = holder.querySelector('[data-note="first"]')
        if (first) lines.push(`${words(holder.querySelector("h3"))}. ${words(first)}`)
      }
      const visible = reminders.filter(reminder => !reminder.hidden)
      if (visible.length) lines.push("Remember:", ...visible.map(r => `- ${words(r.lastElementChild)}`))
      lines.push("", "Record on the case file:",
        ...[...root.querySelectorAll('[data-request="record"] li')].map(item => `- ${words(item)}`))
      return lines
    }

    // Copy all: the notes, then each request shown, one after another.
    function text() {
      const shownHolders = holders.filter(holder => !holder.hidden)
      const lines = ["Information requests about a person of concern", words(choice), "",
        ...notes(shownHolders), ""]
      for (const holder of shownHolders) lines.push(REQUEST_BREAK, request(holder), "")
      lines.push(`From ${document.title}: ${scenario()}`)
      return lines.join("\n")
    }

    // The scenario's address: the published site's when opened from files (file:// leads nowhere).
    const fromFile = location.protocol === "file:"
    const scenario = () => fromFile ? root.dataset.publishedPage + location.search : location.href
    const REQUEST_BREAK = "----------------------------------------"

    // An element's words, each link followed by its address (this guidance's: the published one).
    function withAddresses(element) {
      const copy = element.cloneNode(true)
      for (const link of copy.querySelectorAll("a[href]")) {
        const href = link.getAttribute("href")
        if (href.startsWith("#") || href.startsWith("tel:")) continue
        link.append(` (${href.startsWith("mailto:") ? href.slice(7)
          : publishedAddress(href, root.dataset.publishedRoot)})`)
      }
      return words(copy)
    }

    // The words a reader sees in an element, its hidden parts left out.
    const shownWords = element => words({ textContent: [...element.childNodes]
      .filter(node => !node.hidden).map(node => node.textContent).join("") })

    // Print one request: the page prints only that organisation's request (see guidance.css).
    function printOne(holder) {
      document.body.classList.add("print-one-request")
      holder.classList.add("print-this")
      addEventListener("afterprint", () => {
        document.body.classList.remove("print-one-request")
        holder.classList.remove("print-this")
      }, { once: true })
      window.print()
    }

    root.addEventListener("click", async event => {
      const button = event.target.closest("[data-holder-actions] button[data-action]")
      if (!button) return
      const holder = button.closest("[data-holder]")
      if (button.dataset.action === "print-one") printOne(holder)
      if (button.dataset.action === "copy-one")
        status.textContent = await window.guidanceKit.copyText(request(holder))
          ? `Copied the request to ${words(holder.querySelector("h3"))}. Paste it into an email or a form, and complete it.`
          : "Your browser did not allow copying. Print the request instead."
    })
    form.addEventListener("change", () => show(true))
    actions(root, status, { text, link: scenario, reset: () => { form.reset(); show(false) } })
    restore()
    show(false)
  })
})()

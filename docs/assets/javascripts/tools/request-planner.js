// The information request planner: hides records that do not apply to the person of concern or
// to the kinds of information chosen, and copies or prints the list. A record whose condition is
// not known for the person chosen stays listed, with what to ask. See guidance-kit.js.
(function () {
  const { actions, address, enhance, immediateDanger, keepOptions, options, words } = window.guidanceKit

  enhance('[data-tool="request-planner"]', (root, data) => {
    const form = root.querySelector("[data-tool-choices]")
    const status = root.querySelector("[data-tool-status]")
    const choice = root.querySelector("[data-planner-choice]")
    const empty = root.querySelector("[data-planner-empty]")
    const people = [...form.querySelectorAll('input[name="person"]')]
    const kinds = [...form.querySelectorAll('input[name="category"]')]
    const holders = [...root.querySelectorAll("[data-holder]")]
    const reminders = [...root.querySelectorAll("[data-reminder]")]
    form.hidden = false
    root.querySelector("[data-tool-actions]").hidden = false
    form.addEventListener("submit", event => event.preventDefault())

    const chosen = () => ({
      person: people.find(input => input.checked)?.value ?? "",
      kinds: kinds.filter(input => input.checked).map(input => input.value),
    })

    function restore() {
      const params = options()
      for (const input of people) input.checked = input.value === params.get("person")
      if (params.has("categories")) {
        const wanted = params.get("categories").split(",")
        for (const input of kinds) input.checked = wanted.includes(input.value)
      }
    }

    function describe({ person, kinds: picked }) {
      const who = person ? `Person of concern: ${data.people[person]}.`
        : "Person of concern: not chosen, so every record is listed."
      const what = picked.length === kinds.length ? "all"
        : picked.map(id => data.categories[id]).join(", ") || "none"
      return `${who} Kinds of information: ${what}.`
    }

    function show(announce) {
      const state = chosen()
      const applies = list => !state.person || !list.length || list.includes(state.person)
      let records = 0
      let shown = 0
      for (const holder of holders) {
        let count = 0
        for (const entry of holder.querySelectorAll("li")) {
          const condition = data.conditions[entry.dataset.condition]
          const unknown = Boolean(condition && state.person
            && condition.notKnown.includes(state.person))
          entry.hidden = !state.kinds.includes(entry.dataset.category)
            || (condition && !unknown && !applies(condition.applies))
          const ask = entry.querySelector("[data-condition-ask]")
          if (ask) {
            ask.hidden = !unknown
            entry.querySelector("[data-condition-wording]").hidden = unknown
          }
          count += !entry.hidden
        }
        holder.hidden = !count
        records += count
        shown += count > 0
      }
      for (const reminder of reminders)
        reminder.hidden = !applies(data.reminders[reminder.dataset.reminder])
      empty.hidden = records > 0
      choice.textContent = describe(state)
      const pairs = state.person ? [["person", state.person]] : []
      if (state.kinds.length < kinds.length) pairs.push(["categories", state.kinds.join(",")])
      keepOptions(pairs)
      if (announce) status.textContent = `${records} requests to ${shown} organisations.`
    }

    // Notes for the practitioner first (the immediate-danger route, the caution about not alerting
    // the person of concern, which organisations it applies to, and any first step in a live
    // case), kept apart from the requests: a request pasted to an employer must not tell them
    // that a concern is being kept from the person. Then one request per organisation shown: how
    // to ask, what for, on what basis, what to send with it and what to record.
    function text() {
      const lines = ["Information requests about a person of concern", words(choice), "",
        "Notes for you, not to send with a request:", "", ...immediateDanger(root)]
      const shownHolders = holders.filter(holder => !holder.hidden)
      const caution = root.querySelector("[data-not-alerting]")
      if (caution) {
        lines.push(`${words(caution.querySelector(".admonition-title"))}: ${words(caution.lastElementChild)}`)
        const reaching = shownHolders.filter(holder => holder.querySelector('[data-request="caution"]'))
          .map(holder => words(holder.querySelector("h3")))
        if (reaching.length) lines.push(`A request to these could reach the person of concern: ${reaching.join("; ")}.`)
      }
      for (const holder of shownHolders) {
        const first = holder.querySelector('[data-request="first"]')
        if (first) lines.push(`${words(holder.querySelector("h3"))}. ${words(first)}`)
      }
      const visible = reminders.filter(reminder => !reminder.hidden)
      if (visible.length) lines.push("Remember:", ...visible.map(r => `- ${words(r.lastElementChild)}`))
      lines.push("")
      const generalBasis = words(root.querySelector('[data-request="general-basis"] [data-basis-text]'))
      const listed = part => [...root.querySelectorAll(`[data-request="${part}"] li`)]
        .map(item => `- ${words(item)}`)
      for (const holder of shownHolders) {
        const basis = holder.querySelector('[data-request="basis"]')
        const more = basis.querySelector("[data-request-more]")
        lines.push(`Request to: ${words(holder.querySelector("h3"))}`,
          withAddresses(holder.querySelector('[data-request="route"]')),
          "Ask for these records, about each person of concern:")
        for (const entry of holder.querySelectorAll("li:not([hidden])")) lines.push(`- ${shownWords(entry)}`)
        const own = basis.querySelector("[data-basis-own]")
        lines.push(["On what basis they can share:", own && words(own), generalBasis,
          `Read more: ${linkAddress(more.querySelector("a"))}`]
          .filter(Boolean).join(" "),
          "Send with the request, for each person of concern:", ...listed("send"),
          "Record on the case file:", ...listed("record"), "")
      }
      lines.push(`From ${document.title}: ${fromFile ? root.dataset.publishedPage + location.search : location.href}`)
      return lines.join("\n")
    }

    // A copy opened from files (the offline edition) gives the published site's addresses, which
    // the person who gets the request can open; a file:// address would lead nowhere for them.
    const fromFile = location.protocol === "file:"
    const linkAddress = link => fromFile && link.dataset.published
      ? link.dataset.published : address(link.getAttribute("href"))

    // An element's words, each link to another site followed by its address, for copied text.
    function withAddresses(element) {
      const copy = element.cloneNode(true)
      for (const link of copy.querySelectorAll('a[href^="http"], a[href^="mailto:"]'))
        link.append(` (${link.getAttribute("href").replace(/^mailto:/, "")})`)
      return words(copy)
    }

    // The words a reader sees in an element: its hidden parts (the condition not in force) and
    // any part named in `leaveOut` left out.
    const shownWords = (element, leaveOut) => words({ textContent: [...element.childNodes]
      .filter(node => !node.hidden && node !== leaveOut).map(node => node.textContent).join("") })

    form.addEventListener("change", () => show(true))
    actions(root, status, { text, reset: () => { form.reset(); show(false) } })
    restore()
    show(false)
  })
})()

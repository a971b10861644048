// A checklist tool (threshold reflection, safety plan check): lists the items whose answer needs
// attention, with what to do and where to read more. It never scores or rates. See guidance-kit.js.
(function () {
  const { actions, address, enhance, immediateDanger, keepOptions, options } = window.guidanceKit

  enhance('[data-tool="checklist"]', (root, data) => {
    const form = root.querySelector("[data-checklist-form]")
    const summary = root.querySelector("[data-tool-summary]")
    const status = summary.querySelector("[data-tool-status]")
    const list = summary.querySelector("[data-summary-list]")
    root.classList.add("tool-enhanced")
    summary.hidden = false
    form.addEventListener("submit", event => event.preventDefault())

    const inputs = item => [...form.querySelectorAll(`input[name="${item.id}"]`)]
    const answerTo = item => {
      const value = inputs(item).find(input => input.checked)?.value
      return item.answers.find(answer => answer.id === value)
    }

    function restore() {
      const params = options()
      for (const item of data.items)
        for (const input of inputs(item)) input.checked = input.value === params.get(item.id)
    }

    function points() {
      return data.items.map(item => ({ item, answer: answerTo(item) }))
        .filter(({ answer }) => answer?.needsAttention)
    }

    // Answers that contradict each other: an answer the data says goes only with some answers to
    // another item (its onlyWhen), given beside a different answer there.
    function contradictions() {
      const byId = Object.fromEntries(data.items.map(item => [item.id, item]))
      return data.items.map(item => ({ item, answer: answerTo(item) }))
        .filter(({ answer }) => answer?.onlyWhen)
        .map(({ item, answer }) => {
          const other = byId[answer.onlyWhen.item]
          return { item, answer, other, otherAnswer: other && answerTo(other) }
        })
        .filter(({ otherAnswer, answer }) => otherAnswer && !answer.onlyWhen.answers.includes(otherAnswer.id))
    }

    const contradictionWords = ({ item, answer, other, otherAnswer }) =>
      `These answers contradict each other: "${answer.label}" to "${item.text}", but ` +
      `"${otherAnswer.label}" to "${other.text}". Check both.`

    function clash(found) {
      const entry = document.createElement("li")
      entry.className = "tool-contradiction"
      const heading = document.createElement("strong")
      heading.textContent = contradictionWords(found)
      entry.append(heading)
      return entry
    }

    function point({ item, answer }) {
      const entry = document.createElement("li")
      const heading = document.createElement("strong")
      heading.textContent = item.text
      const link = document.createElement("a")
      link.href = item.guidance
      link.textContent = item.guidanceTitle
      entry.append(heading, ` Your answer: ${answer.label}. ${item.attention} Read more: `, link, ".")
      return entry
    }

    function show() {
      const pairs = []
      let answered = 0
      for (const item of data.items) {
        const answer = answerTo(item)
        if (answer) pairs.push([item.id, answer.id])
        answered += !!answer
        form.querySelector(`[id="${item.id}"] [data-attention]`).hidden = !answer?.needsAttention
      }
      const found = points()
      const clashes = contradictions()
      list.replaceChildren(...clashes.map(clash), ...found.map(point))
      keepOptions(pairs)
      const left = data.items.length - answered
      const count = found.length + clashes.length
      const listed = count === 1 ? "1 point is listed" : `${count} points are listed`
      const clashWords = clashes.length === 1 ? " Two answers contradict each other."
        : clashes.length ? ` ${clashes.length} pairs of answers contradict each other.` : ""
      const message = !answered ? "Nothing is answered yet. Points that need attention will be listed here."
        : `${listed} here.${clashWords} ${left ? `${left} of ${data.items.length} not answered yet.` : "Everything is answered."}`
      status.textContent = message
    }

    function text() {
      const lines = [data.title, ...data.note ? [data.note] : [], "", ...immediateDanger(root),
        data.summaryTitle]
      const found = points()
      const clashes = contradictions()
      if (!found.length && !clashes.length) lines.push("Nothing listed.")
      for (const clashing of clashes) lines.push(`- ${contradictionWords(clashing)}`)
      for (const { item, answer } of found)
        lines.push(`- ${item.group}: ${item.text}`, `  Answer: ${answer.label}. ${item.attention}`,
          `  Read more: ${item.guidanceTitle}, ${address(item.guidance)}`)
      const left = data.items.filter(item => !answerTo(item)).length
      if (left) lines.push("", `${left} of ${data.items.length} not answered.`)
      lines.push("", `From ${document.title}: ${location.href}`)
      return lines.join("\n")
    }

    form.addEventListener("change", show)
    actions(root, status, { text, reset: () => { form.reset(); show() } })
    restore()
    show()
  })
})()

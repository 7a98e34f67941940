// Keeps the states on "My tools" current without reloading the page (a timed refresh fails
// WCAG 2.2.1): while any tool is starting, stopping or being deleted, polls the user's
// instances from the API, updates each row's state, step and reason, and says each change in
// a polite live region. The page's actions are the server's; reloading shows those of the new state.
const table = document.getElementById('my-tools')
const live = document.getElementById('tools-live')
const every = 3000
const moving = new Set(['PENDING', 'CREATING', 'STARTING', 'STOPPING', 'DELETING'])
const colours = {
  READY: 'govuk-tag--green',
  FAILED: 'govuk-tag--red',
  PENDING: 'govuk-tag--blue',
  CREATING: 'govuk-tag--blue',
  STARTING: 'govuk-tag--blue',
  STOPPING: 'govuk-tag--yellow',
  DELETING: 'govuk-tag--yellow',
  STOPPED: 'govuk-tag--grey',
  IDLED: 'govuk-tag--grey',
  DELETED: 'govuk-tag--grey'
}

const rows = () => Array.from(table.querySelectorAll('tr[data-instance]'))
const slug = (row) => row.id.substring('tool-'.length)
const stateOf = (row) => document.getElementById('state-' + slug(row)).textContent.trim()

const show = (row, status) => {
  const name = slug(row)
  const tag = document.getElementById('state-' + name)
  if (tag.textContent.trim() !== status.state) {
    live.textContent = name + ': ' + status.state + (status.reason ? ', ' + status.reason : '')
  }
  tag.textContent = status.state
  Object.values(colours).forEach((colour) => tag.classList.remove(colour))
  tag.classList.add(colours[status.state])
  document.getElementById('step-' + name).textContent = status.step || ''
  document.getElementById('reason-' + name).textContent = status.reason || ''
}

const poll = async () => {
  try {
    const response = await fetch('/api/v1/me/tools', { headers: { Accept: 'application/json' } })
    if (response.ok) {
      const items = new Map((await response.json()).items.map((item) => [item.id, item.status]))
      rows().forEach((row) => show(row, items.get(row.dataset.instance) || { state: 'DELETED' }))
    }
  } catch (ignored) {
    // the next poll tries again
  }
  if (rows().some((row) => moving.has(stateOf(row)))) {
    setTimeout(poll, every)
  }
}

if (table && live && rows().some((row) => moving.has(stateOf(row)))) {
  setTimeout(poll, every)
}

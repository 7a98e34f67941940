// Keeps the states on "My tools" current without reloading the page (a timed refresh fails
// WCAG 2.2.1): each tool that is starting, stopping or being deleted is followed through its
// progress stream (server-sent events, pushed as each change commits); each row's state, step
// and reason are updated and each change said in a polite live region. Where the browser has
// no EventSource, or a stream keeps failing, it polls the user's instances from the API
// instead. The table says which it does in data-live ("sse" or "poll"). The page's actions are
// the server's; reloading shows those of the new state.
const table = document.getElementById('my-tools')
const live = document.getElementById('tools-live')
const every = 3000
const patience = 3
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
const sources = new Map()
let polling = false

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

// a finished stream is closed here: the EventSource would otherwise open it again
const stopFollowing = (row) => {
  const source = sources.get(row)
  if (source) {
    source.close()
    sources.delete(row)
  }
}

const pollInstead = () => {
  Array.from(sources.keys()).forEach(stopFollowing)
  if (!polling) {
    polling = true
    table.dataset.live = 'poll'
    setTimeout(poll, every)
  }
}

const follow = (row) => {
  let failures = 0
  const source = new EventSource('/api/v1/me/tools/' + row.dataset.instance + '/events')
  sources.set(row, source)
  source.addEventListener('open', () => {
    table.dataset.live = 'sse'
  })
  source.addEventListener('status', (event) => {
    failures = 0
    const status = JSON.parse(event.data).status
    show(row, status)
    if (!moving.has(status.state)) {
      stopFollowing(row)
    }
  })
  source.addEventListener('deleted', () => {
    show(row, { state: 'DELETED' })
    stopFollowing(row)
  })
  source.addEventListener('error', () => {
    failures += 1
    if (sources.has(row) && (source.readyState === EventSource.CLOSED || failures >= patience)) {
      pollInstead()
    }
  })
}

if (table && live) {
  const followed = rows().filter((row) => moving.has(stateOf(row)))
  if (followed.length > 0 && 'EventSource' in window) {
    followed.forEach(follow)
  } else if (followed.length > 0) {
    pollInstead()
  }
}

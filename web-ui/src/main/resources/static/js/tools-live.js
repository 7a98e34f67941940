// Keeps the states on "My tools" current without reloading the page (a timed refresh fails
// WCAG 2.2.1): each tool that runs, or is starting, stopping or being deleted, is followed
// through its progress stream (server-sent events, pushed as each change commits); each row's
// state, step and reason are updated and each change said in a polite live region, and the
// notice that a running tool's data access changed (with its Restart) is shown or hidden as
// the events say. Where the browser has no EventSource, or a stream keeps failing, it polls
// the user's instances from the API instead while a tool is moving. The table says which it
// does in data-live ("sse" or "poll"). The page's other actions are the server's; reloading
// shows those of the new state.
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
const banner = document.getElementById('data-access-changed')
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

// shows or hides the row's data access notice and its Restart, and the banner that holds them
const notice = (row, flagged) => {
  const name = slug(row)
  const note = document.getElementById('data-access-' + name)
  const restart = document.getElementById('restart-for-data-access-' + name)
  if (note) {
    note.hidden = !flagged
  }
  if (restart && banner) {
    restart.form.hidden = !flagged
    const before = banner.hidden
    banner.hidden = !banner.querySelector('form:not([hidden])')
    if (before && !banner.hidden) {
      live.textContent = 'Your data access has changed: restart to use your new data access'
    }
  }
}

const poll = async () => {
  try {
    const response = await fetch('/api/v1/me/tools', { headers: { Accept: 'application/json' } })
    if (response.ok) {
      const items = new Map((await response.json()).items.map((item) => [item.id, item]))
      rows().forEach((row) => {
        const item = items.get(row.dataset.instance)
        show(row, item ? item.status : { state: 'DELETED' })
        notice(row, Boolean(item && item.dataAccessChanged))
      })
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
  // the stream stays open while the tool is READY: its data access notice may change
  const source = new EventSource('/api/v1/me/tools/' + row.dataset.instance + '/events?whileRunning=true')
  sources.set(row, source)
  source.addEventListener('open', () => {
    table.dataset.live = 'sse'
  })
  source.addEventListener('status', (event) => {
    failures = 0
    const instance = JSON.parse(event.data)
    const status = instance.status
    show(row, status)
    notice(row, instance.dataAccessChanged)
    if (!moving.has(status.state) && status.state !== 'READY') {
      stopFollowing(row)
    }
  })
  source.addEventListener('deleted', () => {
    show(row, { state: 'DELETED' })
    notice(row, false)
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
  const followed = rows().filter((row) => moving.has(stateOf(row)) || row.dataset.running === 'true')
  if (followed.length > 0 && 'EventSource' in window) {
    followed.forEach(follow)
  } else if (rows().some((row) => moving.has(stateOf(row)))) {
    pollInstead()
  }
}

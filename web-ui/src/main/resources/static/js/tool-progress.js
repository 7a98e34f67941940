// Follows a starting tool without reloading the page (a timed refresh fails WCAG 2.2.1, and
// axe says so): listens to the instance's progress stream (server-sent events, pushed by the
// server as each change commits), says each new state and step in a polite live region, shows
// why it failed, says when it takes longer than usual (a minute after the start was asked for),
// and goes on to the tool once it is ready, as the user asked when they started it. Where the
// browser has no EventSource, or the stream keeps failing, it polls the API instead. The page
// says which it does in data-live ("sse" or "poll"). Without JavaScript the page's "Check
// again" link does the same by hand.
const page = document.getElementById('tool-progress')
const every = 2000
// errors in a row (each followed by the EventSource's own reconnection) before polling instead
const patience = 3
let source = null
let over = false

const settled = (status) => status.state === 'FAILED' || status.state === 'STOPPED'

const show = (status) => {
  document.getElementById('slow').hidden = settled(status) || page.dataset.slow !== 'true'
  document.getElementById('state-name').textContent = status.state
  document.getElementById('state-step').textContent = status.step || ''
  if (status.reason) {
    document.getElementById('reason-text').textContent = status.reason
    document.getElementById('reason').hidden = false
  }
}

// the stream is closed before the page moves on: a completed stream would otherwise be
// opened again by the EventSource
const stopListening = () => {
  if (source) {
    source.close()
    source = null
  }
}

// shows a status; returns whether the start is over (ready, failed or stopped)
const arrive = (status) => {
  if (status.state === 'READY') {
    over = true
    stopListening()
    window.location.assign(page.dataset.destination)
    return true
  }
  show(status)
  if (settled(status)) {
    over = true
    stopListening()
  }
  return over
}

const poll = async () => {
  try {
    const response = await fetch(page.dataset.status, { headers: { Accept: 'application/json' } })
    if (response.ok && arrive((await response.json()).status)) {
      return
    }
  } catch (ignored) {
    // the next poll tries again
  }
  setTimeout(poll, every)
}

const pollInstead = () => {
  stopListening()
  page.dataset.live = 'poll'
  setTimeout(poll, every)
}

const listen = () => {
  let failures = 0
  source = new EventSource(page.dataset.events)
  source.addEventListener('open', () => {
    page.dataset.live = 'sse'
  })
  source.addEventListener('status', (event) => {
    failures = 0
    arrive(JSON.parse(event.data).status)
  })
  source.addEventListener('deleted', () => {
    over = true
    stopListening()
    show({ state: 'DELETED' })
  })
  source.addEventListener('error', () => {
    failures += 1
    if (!over && source && (source.readyState === EventSource.CLOSED || failures >= patience)) {
      pollInstead()
    }
  })
}

if (page) {
  // the server says how long until the start is slow: the browser's clock plays no part
  setTimeout(() => {
    page.dataset.slow = 'true'
    if (!over) {
      document.getElementById('slow').hidden = false
    }
  }, Number(page.dataset.slowIn))
  if ('EventSource' in window) {
    listen()
  } else {
    pollInstead()
  }
}

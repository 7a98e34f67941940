// Follows a starting tool without reloading the page (a timed refresh fails WCAG 2.2.1, and
// axe says so): polls the instance from the API, says each new state and step in a polite live
// region, shows why it failed, says when it takes longer than usual (a minute after the start
// was asked for), and goes on to the tool once it is ready, as the user asked when they started
// it. Without JavaScript the page's "Check again" link does the same by hand.
const page = document.getElementById('tool-progress')
const every = 2000
// the server says how long until the start is slow: the browser's clock plays no part
const slowAt = page ? Date.now() + Number(page.dataset.slowIn) : 0

const settled = (status) => status.state === 'FAILED' || status.state === 'STOPPED'

const show = (status) => {
  // "taking longer than usual" a minute after the start was asked for, while it is under way
  document.getElementById('slow').hidden = settled(status) || Date.now() < slowAt
  document.getElementById('state-name').textContent = status.state
  document.getElementById('state-step').textContent = status.step || ''
  if (status.reason) {
    document.getElementById('reason-text').textContent = status.reason
    document.getElementById('reason').hidden = false
  }
}

const poll = async () => {
  try {
    const response = await fetch(page.dataset.status, { headers: { Accept: 'application/json' } })
    if (response.ok) {
      const status = (await response.json()).status
      if (status.state === 'READY') {
        window.location.assign(page.dataset.destination)
        return
      }
      show(status)
      if (settled(status)) {
        return
      }
    }
  } catch (ignored) {
    // the next poll tries again
  }
  setTimeout(poll, every)
}

if (page) {
  setTimeout(poll, every)
}

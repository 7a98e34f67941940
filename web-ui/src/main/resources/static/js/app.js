// Enables GOV.UK Frontend's components. Loaded as a module, so browsers too old for it
// get the pages without JavaScript, which work the same.
import { initAll } from '/govuk/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()

// GOV.UK Frontend marks a radio that reveals fields with aria-expanded, which ARIA does not allow on
// a radio (axe: aria-allowed-attr, critical). The revealed fields follow their radio, so the
// attribute adds nothing: drop it whenever GOV.UK Frontend sets it (at start, on click, on pageshow).
const dropExpanded = () => {
  document.querySelectorAll('input[type="radio"][aria-expanded]').forEach((radio) => radio.removeAttribute('aria-expanded'))
}
dropExpanded()
document.addEventListener('click', dropExpanded)
window.addEventListener('pageshow', dropExpanded)

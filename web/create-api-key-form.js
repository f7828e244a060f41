// @ts-check

// The characters a bearer token may hold (RFC 6750); anything else the server rejects as a malformed
// header, and non-Latin-1 characters (an Arabic keyboard layout) would make `fetch` itself throw.
const TOKEN_PATTERN = /^[A-Za-z0-9._~+/-]+=*$/

// Ids only need to be unique within the page; several forms can be on screen at once.
let formCount = 0

/**
 * @typedef {{ element: HTMLFormElement, focus: () => void }} ApiKeyForm
 */

/**
 * Builds the form that asks for the server's API key after a 401, as text only. It validates the key
 * locally and hands a well-formed one to `onSave`; storing it and retrying are the caller's job.
 * @param {{ rejected: boolean, serverMessage: string, onSave: (key: string) => void }} options
 * @returns {ApiKeyForm}
 */
export function createApiKeyForm({ rejected, serverMessage, onSave }) {
  formCount += 1
  const id = (/** @type {string} */ name) => `api-key-${name}-${formCount}`

  const form = document.createElement('form')
  form.className = 'api-key-form'
  form.dataset.testid = 'api-key-form'
  form.noValidate = true
  form.setAttribute('aria-labelledby', id('title'))

  const title = document.createElement('p')
  title.className = 'api-key-title'
  title.id = id('title')
  title.textContent = rejected ? 'لم يقبل الخادم هذا المفتاح' : 'يطلب هذا الخادم مفتاحًا للوصول'

  const explanation = document.createElement('p')
  explanation.className = 'api-key-explanation'
  explanation.id = id('explanation')
  explanation.textContent = rejected
    ? 'تحقّق من المفتاح وأدخِله من جديد. '
    : 'أدخِل مفتاح الواجهة البرمجية الذي أعطاك إياه مدير الخادم، ثم يُعاد إرسال طلبك. '
  explanation.append('يُحفظ المفتاح في هذا التبويب فقط ويُنسى عند إغلاقه.')

  const detail = document.createElement('p')
  detail.className = 'api-key-server-message'
  detail.id = id('server-message')
  detail.dir = 'auto'
  detail.textContent = serverMessage

  const label = document.createElement('label')
  label.className = 'api-key-label'
  label.htmlFor = id('input')
  label.textContent = 'مفتاح الواجهة البرمجية (API key)'

  const input = document.createElement('input')
  input.type = 'password'
  input.id = id('input')
  input.name = 'api-key'
  input.dataset.testid = 'api-key-input'
  input.className = 'api-key-input'
  // Keys are Latin tokens: left-to-right, and never "corrected" by the keyboard.
  input.dir = 'ltr'
  input.autocomplete = 'off'
  input.spellcheck = false
  input.setAttribute('autocapitalize', 'off')
  input.setAttribute('autocorrect', 'off')
  input.setAttribute('aria-describedby', `${id('explanation')} ${id('server-message')}`)

  const save = document.createElement('button')
  save.type = 'submit'
  save.className = 'button button-small'
  save.dataset.testid = 'api-key-save'
  save.textContent = 'حفظ وإعادة المحاولة'

  const problem = document.createElement('p')
  problem.className = 'api-key-problem'
  problem.id = id('problem')
  problem.setAttribute('role', 'alert')
  problem.hidden = true

  const row = document.createElement('div')
  row.className = 'api-key-row'
  row.append(input, save)
  form.append(title, explanation, detail, label, row, problem)

  /** @param {string} message */
  function showProblem(message) {
    problem.textContent = message
    problem.hidden = false
    input.setAttribute('aria-invalid', 'true')
    input.setAttribute('aria-describedby', `${id('problem')} ${id('explanation')}`)
    input.focus()
  }

  input.addEventListener('input', () => {
    if (problem.hidden) return
    problem.hidden = true
    input.removeAttribute('aria-invalid')
    input.setAttribute('aria-describedby', `${id('explanation')} ${id('server-message')}`)
  })

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    // Pasted keys often carry a trailing newline or space.
    const key = input.value.trim()
    if (key === '') return showProblem('أدخِل المفتاح أولًا.')
    if (!TOKEN_PATTERN.test(key)) {
      return showProblem('يتكوّن المفتاح من حروف لاتينية وأرقام والرموز . _ ~ + / - فقط؛ تحقّق من لغة لوحة المفاتيح.')
    }
    save.disabled = true
    onSave(key)
  })

  return { element: form, focus: () => input.focus() }
}

// Kept in its own file because the Content-Security-Policy forbids inline scripts.
// validatorUrl: null keeps the page offline (no call to the public spec validator).
window.addEventListener('DOMContentLoaded', () => {
  window.ui = window.SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    layout: 'BaseLayout',
    validatorUrl: null,
  })
})

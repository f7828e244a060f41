import { beforeAll, describe, expect, it } from 'vitest'
import type { SanadIndex } from '../../../src/index/sanad-index.js'
import { createStubAnswerer } from '../../support/create-stub-answerer.js'
import { createTestApp } from '../../support/create-test-app.js'
import { loadTestIndex } from '../../support/load-test-index.js'

let index: SanadIndex
beforeAll(async () => {
  index = await loadTestIndex()
})

describe('GET /openapi.json and /docs', () => {
  it('should describe every API route of the app in OpenAPI 3.1', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index))
    const document = await (await app.request('/openapi.json')).json()
    expect(document.openapi).toBe('3.1.0')
    const documented = new Set(
      Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    )
    const routes = app.routes.filter((route) => route.method !== 'ALL' && !route.path.startsWith('/docs/')).map((route) => `${route.method} ${route.path}`)
    expect(routes.length).toBeGreaterThan(8)
    for (const route of routes) expect(documented, route).toContain(route)
  })

  it('should only refer to schemas it defines', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index))
    const text = await (await app.request('/openapi.json')).text()
    const document = JSON.parse(text)
    const references = [...text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1]!)
    expect(references.length).toBeGreaterThan(0)
    for (const name of new Set(references)) expect(document.components.schemas, name).toHaveProperty([name])
  })

  it('should serve the API reference page with local assets and no inline script', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index))
    const page = await app.request('/docs')
    expect(page.headers.get('content-type')).toContain('text/html')
    const html = await page.text()
    expect(html).not.toMatch(/<script>(?!<\/script>)|<script(?![^>]*\bsrc=)[^>]*>/)
    expect(html).not.toMatch(/https?:\/\//)
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!)
    expect(sources.length).toBeGreaterThanOrEqual(3)
    for (const source of sources) {
      const asset = await app.request(source)
      expect(asset.status, source).toBe(200)
      expect(asset.headers.get('content-type'), source).toMatch(/text\/css|javascript|image\/png/)
    }
  })

  it('should not serve other files of the swagger package', async () => {
    const { app } = createTestApp(index, createStubAnswerer(index))
    for (const path of ['/docs/assets/package.json', '/docs/assets/index.html', '/docs/assets/..%2Fpackage.json']) {
      expect((await app.request(path)).status, path).toBe(404)
    }
  })
})

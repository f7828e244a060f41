import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Hono } from 'hono'
import type { AppEnv } from '../app-env.js'
import { createOpenApiDocument, type OpenApiOptions } from '../openapi-document.js'

const PAGE_DIRECTORY = fileURLToPath(new URL('../docs-page/', import.meta.url))
const SWAGGER_DIRECTORY = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))

// Only these files are served, so nothing else under node_modules is reachable.
const ASSETS: Record<string, { directory: string; type: string }> = {
  'swagger-ui.css': { directory: SWAGGER_DIRECTORY, type: 'text/css; charset=utf-8' },
  'swagger-ui-bundle.js': { directory: SWAGGER_DIRECTORY, type: 'text/javascript; charset=utf-8' },
  'favicon-32x32.png': { directory: SWAGGER_DIRECTORY, type: 'image/png' },
}

/** GET /openapi.json (generated from the zod schemas) and GET /docs (Swagger UI, served offline). */
export function createDocsRoute(options: OpenApiOptions): Hono<AppEnv> {
  const route = new Hono<AppEnv>()
  const document = createOpenApiDocument(options)
  const cache = new Map<string, Promise<Uint8Array<ArrayBuffer>>>()
  const readOnce = (path: string) => {
    let content = cache.get(path)
    if (!content) {
      content = readFile(path).then((bytes) => new Uint8Array(bytes))
      cache.set(path, content)
      content.catch(() => cache.delete(path))
    }
    return content
  }

  route.get('/openapi.json', (c) => c.json(document))

  route.get('/docs', async (c) => c.body(await readOnce(join(PAGE_DIRECTORY, 'index.html')), 200, { 'Content-Type': 'text/html; charset=utf-8' }))

  route.get('/docs/initialize-swagger-ui.js', async (c) =>
    c.body(await readOnce(join(PAGE_DIRECTORY, 'initialize-swagger-ui.js')), 200, { 'Content-Type': 'text/javascript; charset=utf-8' }),
  )

  for (const [name, asset] of Object.entries(ASSETS)) {
    route.get(`/docs/assets/${name}`, async (c) =>
      c.body(await readOnce(join(asset.directory, name)), 200, { 'Content-Type': asset.type, 'Cache-Control': 'public, max-age=86400' }),
    )
  }

  return route
}

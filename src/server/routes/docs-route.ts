import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Hono } from 'hono'
import { PROJECT_DIRECTORY } from '../../project-directory.js'
import type { AppEnv } from '../app-env.js'
import type { OpenApiOptions } from '../openapi-document.js'

const PAGE_DIRECTORY = join(PROJECT_DIRECTORY, 'src', 'server', 'docs-page')

// Only these files are served, so nothing else under node_modules is reachable.
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
}

/** What the docs route needs: the document's options, with the extra operations described on demand. */
export interface DocsRouteOptions extends Omit<OpenApiOptions, 'extraPaths'> {
  /** Operations of routes documented elsewhere (POST /api/grounding), by path; called once, on the first request. */
  describeExtraPaths?: () => Record<string, unknown>
}

/**
 * GET /openapi.json (generated from the zod schemas) and GET /docs (Swagger UI, served offline). The
 * document is built, and its module loaded, on the first request: most servers are never asked for it.
 */
export function createDocsRoute(options: DocsRouteOptions): Hono<AppEnv> {
  const route = new Hono<AppEnv>()
  let document: Promise<Record<string, unknown>> | null = null
  const buildDocument = async () => {
    const { createOpenApiDocument } = await import('../openapi-document.js')
    const { describeExtraPaths, ...documentOptions } = options
    return createOpenApiDocument({ ...documentOptions, ...(describeExtraPaths ? { extraPaths: describeExtraPaths() } : {}) })
  }
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
  let swaggerDirectory: string | null = null
  const locateSwagger = () => (swaggerDirectory ??= dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json')))

  route.get('/openapi.json', async (c) => {
    document ??= buildDocument()
    document.catch(() => (document = null))
    return c.json(await document)
  })

  route.get('/docs', async (c) => c.body(await readOnce(join(PAGE_DIRECTORY, 'index.html')), 200, { 'Content-Type': 'text/html; charset=utf-8' }))

  route.get('/docs/initialize-swagger-ui.js', async (c) =>
    c.body(await readOnce(join(PAGE_DIRECTORY, 'initialize-swagger-ui.js')), 200, { 'Content-Type': 'text/javascript; charset=utf-8' }),
  )

  for (const [name, type] of Object.entries(ASSETS)) {
    route.get(`/docs/assets/${name}`, async (c) =>
      c.body(await readOnce(join(locateSwagger(), name)), 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' }),
    )
  }

  return route
}

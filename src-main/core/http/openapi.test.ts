import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call } from '../../testing/api-client'
import { createTestCore, type TestCore } from '../../testing/test-core'

let core: TestCore
let doc: any
beforeAll(async () => {
  core = await createTestCore()
  doc = (await call(core, 'GET', '/api/openapi.json')).json
})
afterAll(() => core.dispose())

const PUBLIC = {
  '/auth/register': ['post'],
  '/auth/login': ['post'],
  '/auth/refresh': ['post'],
  '/auth/logout': ['post'],
  '/health': ['get'],
  '/health/live': ['get'],
  '/health/ready': ['get'],
  '/health/checks/{name}': ['post'],
}
const PROTECTED = {
  '/auth/me': ['get'],
  '/projects': ['get', 'post'],
  '/projects/{id}': ['get', 'patch', 'delete'],
  '/narratives': ['get'],
  '/narratives/{id}': ['get', 'delete'],
  '/narratives/{id}/text': ['get'],
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1, served without signing in', () => {
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.info.title).toBe('NarraForge API')
    expect(doc.servers).toEqual([{ url: '/api' }])
  })

  it('lists every auth, project, narrative and health route', () => {
    for (const [path, methods] of Object.entries({ ...PUBLIC, ...PROTECTED })) {
      expect(Object.keys(doc.paths[path] ?? {}), path).toEqual(expect.arrayContaining(methods))
    }
  })

  it('declares the bearer scheme and requires it on every protected route only', () => {
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    })
    for (const [path, methods] of Object.entries(PROTECTED)) {
      for (const method of methods) {
        expect(doc.paths[path][method].security, `${method} ${path}`).toEqual([{ bearerAuth: [] }])
      }
    }
    for (const [path, methods] of Object.entries(PUBLIC)) {
      for (const method of methods) {
        expect(doc.paths[path][method].security, `${method} ${path}`).toBeUndefined()
      }
    }
  })

  it('documents the error envelope on failures', () => {
    const failure = doc.paths['/projects'].post.responses['422']
    const schema = failure.content['application/json'].schema
    const resolved = schema.$ref ? doc.components.schemas[schema.$ref.split('/').pop()] : schema

    expect(Object.keys(resolved.properties)).toEqual(
      expect.arrayContaining(['detail', 'request_id', 'error_type', 'errors']),
    )
  })
})

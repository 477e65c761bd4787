import type { Hook } from '@hono/zod-openapi'
import { AppError } from '../errors/app-error'
import type { AppEnv } from './context'

/**
 * Turns a failed request validation into one `validation` AppError listing every field, so
 * the envelope says exactly what to fix instead of the first problem only.
 */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result) => {
  if (result.success) return
  const errors = result.error.issues.map((issue) => ({
    field: issue.path.join('.') || result.target,
    message: describeIssue(issue),
  }))
  const summary = errors.map((e) => `${e.field}: ${e.message}`).join('; ')
  throw new AppError('validation', `Invalid ${result.target}: ${summary}`, { details: { errors } })
}

function describeIssue(issue: { code: string; message: string; keys?: string[] }): string {
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`
  }
  return issue.message
}

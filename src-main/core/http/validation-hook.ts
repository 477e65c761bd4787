import type { Hook } from '@hono/zod-openapi'
import { AppError } from '../errors/app-error'
import type { AppEnv } from './context'

interface Issue {
  code: string
  message: string
  path: PropertyKey[]
  keys?: string[]
}

/**
 * Turns a failed request validation into one `validation` AppError listing every field, so
 * the envelope says exactly what to fix instead of the first problem only.
 */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result) => {
  if (result.success) return
  const errors = result.error.issues.flatMap((issue) => fieldErrorsOf(issue, result.target))
  const summary = errors.map((e) => `${e.field}: ${e.message}`).join('; ')
  throw new AppError('validation', `Invalid ${result.target}: ${summary}`, { details: { errors } })
}

/** Zod reports unknown keys as one issue on their parent; the envelope names each key instead. */
function fieldErrorsOf(issue: Issue, target: string): { field: string; message: string }[] {
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    return issue.keys.map((key) => ({
      field: [...issue.path, key].join('.'),
      message: 'unknown field',
    }))
  }
  return [{ field: issue.path.join('.') || target, message: issue.message }]
}

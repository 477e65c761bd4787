import { AppError } from '../errors/app-error'

/**
 * Translates a database failure into an AppError once, from its SQLSTATE, so services and
 * routes never inspect driver errors. Unknown codes stay internal (500, logged with a stack).
 */
export function translateDatabaseError(error: unknown): AppError {
  if (error instanceof AppError) return error
  const code = sqlStateOf(error)
  switch (code) {
    case '23505':
      return new AppError('conflict', 'That record already exists', { cause: error })
    case '23503':
      return new AppError('not_found', 'A record this refers to does not exist', { cause: error })
    case '23514':
    case '23502':
      return new AppError('validation', 'The data breaks a rule of the database', { cause: error })
    case '22P02':
      return new AppError('validation', 'A value has the wrong format', { cause: error })
    default:
      return new AppError('internal', 'Database operation failed', { cause: error })
  }
}

export function sqlStateOf(error: unknown): string | undefined {
  let current: unknown = error
  // drizzle wraps driver errors; the SQLSTATE sits on the innermost cause.
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

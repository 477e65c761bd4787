import type { z } from 'zod'
import { ErrorEnvelopeSchema } from '@shared/contracts/common'

/** A JSON request body for `createRoute`. */
export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return { body: { content: { 'application/json': { schema } }, required: true, description } }
}

/** A JSON response for `createRoute`. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description }
}

export const errorResponse = (description: string) => jsonResponse(ErrorEnvelopeSchema, description)

/** The failures every authenticated route can answer with, documented once. */
export const AUTHED_ERRORS = {
  401: errorResponse('Missing, invalid or expired access token'),
  403: errorResponse('Account disabled, or the action is not allowed'),
  422: errorResponse('The request does not match the contract; `errors` lists each field'),
  429: errorResponse('Rate limit reached; see Retry-After'),
} as const

export const NOT_FOUND = { 404: errorResponse('No such resource for this user') } as const

export const PUBLIC_ERRORS = {
  422: errorResponse('The request does not match the contract; `errors` lists each field'),
  429: errorResponse('Rate limit reached; see Retry-After'),
} as const

export const BEARER = [{ bearerAuth: [] }]

import { hashText, pickWords } from './prose'

/** The subset of JSON Schema that zod's `toJSONSchema` and the providers emit. */
export interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema | boolean
  prefixItems?: JsonSchema[]
  enum?: unknown[]
  const?: unknown
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  nullable?: boolean
  minItems?: number
  maxItems?: number
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  minLength?: number
  maxLength?: number
  format?: string
  $ref?: string
  $defs?: Record<string, JsonSchema>
  definitions?: Record<string, JsonSchema>
}

export interface SampleOptions {
  /** Varies the words chosen; the same seed and schema give the same sample. */
  seed?: number
}

/** Beyond this depth recursive schemas get empty arrays and nulls, so samples stay finite. */
const MAX_DEPTH = 8

/**
 * Builds a value that validates against `schema`: every property is filled (optional ones
 * too), strings are a few real words rather than empty, numbers sit inside their bounds and
 * arrays hold max(minItems, min(3, maxItems)) items. `pattern` is not honoured except through
 * the common `format`s (email, uuid, date-time, date, time, uri).
 */
export function sampleFromSchema(schema: JsonSchema, options: SampleOptions = {}): unknown {
  return sampleNode(schema, { root: schema, seed: options.seed ?? 1, path: '$', depth: 0 })
}

interface SampleContext {
  root: JsonSchema
  seed: number
  path: string
  depth: number
}

function sampleNode(schema: JsonSchema | boolean | undefined, ctx: SampleContext): unknown {
  if (schema === undefined || typeof schema === 'boolean') return pickWords(2, seedOf(ctx))
  if (schema.$ref) return sampleNode(resolveRef(schema.$ref, ctx.root), ctx)
  if (schema.const !== undefined) return schema.const
  if (schema.enum && schema.enum.length > 0) return schema.enum[0]

  const branches = schema.anyOf ?? schema.oneOf
  if (branches && branches.length > 0) return sampleNode(pickBranch(branches, ctx), ctx)
  if (schema.allOf && schema.allOf.length > 0) return sampleAllOf(schema.allOf, ctx)

  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []
  const type = types.find((t) => t !== 'null') ?? (types.includes('null') ? 'null' : undefined)
  if (type === 'null' || (type !== undefined && ctx.depth > MAX_DEPTH && types.includes('null')))
    return null

  switch (type ?? (schema.properties ? 'object' : schema.items ? 'array' : 'string')) {
    case 'object':
      return sampleObject(schema, ctx)
    case 'array':
      return sampleArray(schema, ctx)
    case 'integer':
      return sampleNumber(schema, true)
    case 'number':
      return sampleNumber(schema, false)
    case 'boolean':
      return true
    default:
      return sampleString(schema, ctx)
  }
}

function sampleObject(schema: JsonSchema, ctx: SampleContext): Record<string, unknown> {
  const value: Record<string, unknown> = {}
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    value[key] = sampleNode(child, { ...ctx, path: `${ctx.path}.${key}`, depth: ctx.depth + 1 })
  }
  return value
}

function sampleArray(schema: JsonSchema, ctx: SampleContext): unknown[] {
  const tuple = schema.prefixItems ?? []
  const wanted = Math.max(schema.minItems ?? 0, Math.min(3, schema.maxItems ?? Infinity))
  const count = ctx.depth > MAX_DEPTH ? (schema.minItems ?? 0) : Math.max(wanted, tuple.length)

  return Array.from({ length: count }, (_, i) => {
    const child = { ...ctx, path: `${ctx.path}[${i}]`, depth: ctx.depth + 1 }
    return sampleNode(tuple[i] ?? (typeof schema.items === 'object' ? schema.items : {}), child)
  })
}

function sampleNumber(schema: JsonSchema, integer: boolean): number {
  const low = schema.minimum ?? (schema.exclusiveMinimum ?? -Infinity) + (integer ? 1 : 0.001)
  const high = schema.maximum ?? (schema.exclusiveMaximum ?? Infinity) - (integer ? 1 : 0.001)
  const preferred = integer ? 3 : 0.5
  let value = preferred
  if (value < low || value > high) value = Number.isFinite(high) ? (low + high) / 2 : low
  if (!Number.isFinite(value)) value = Number.isFinite(low) ? low : high
  return integer ? Math.min(Math.max(Math.round(value), Math.ceil(low)), Math.floor(high)) : value
}

function sampleString(schema: JsonSchema, ctx: SampleContext): string {
  const seed = seedOf(ctx)
  const formatted = formatSample(schema.format, seed)
  if (formatted !== undefined) return formatted

  let text = pickWords(2 + (seed % 3), seed)
  while (text.length < (schema.minLength ?? 0)) text += ` ${pickWords(3, seed + text.length)}`
  return schema.maxLength !== undefined ? text.slice(0, Math.max(1, schema.maxLength)) : text
}

function formatSample(format: string | undefined, seed: number): string | undefined {
  const hex = seed.toString(16).padStart(8, '0').slice(0, 8)
  switch (format) {
    case 'email':
      return `writer${seed % 1000}@example.com`
    case 'uuid':
      return `${hex}-1234-4abc-8def-0123456789ab`
    case 'date-time':
      return '2025-01-15T12:00:00Z'
    case 'date':
      return '2025-01-15'
    case 'time':
      return '12:00:00'
    case 'uri':
    case 'url':
      return `https://example.com/${hex}`
    default:
      return undefined
  }
}

function sampleAllOf(parts: JsonSchema[], ctx: SampleContext): unknown {
  const samples = parts.map((part) => sampleNode(part, ctx))
  if (samples.every((s) => typeof s === 'object' && s !== null && !Array.isArray(s)))
    return Object.assign({}, ...samples)
  return samples[0]
}

/** Prefers a non-null branch, except deep inside recursive schemas where null ends the chain. */
function pickBranch(branches: JsonSchema[], ctx: SampleContext): JsonSchema {
  const isNull = (b: JsonSchema) => b.type === 'null'
  if (ctx.depth > MAX_DEPTH) return branches.find(isNull) ?? branches[0] ?? {}
  return branches.find((b) => !isNull(b)) ?? branches[0] ?? {}
}

function resolveRef(ref: string, root: JsonSchema): JsonSchema {
  if (ref === '#') return root
  const match = /^#\/(\$defs|definitions)\/(.+)$/.exec(ref)
  const name = match?.[2] !== undefined ? decodeURIComponent(match[2]) : undefined
  const defs = match?.[1] === 'definitions' ? root.definitions : root.$defs
  return (name !== undefined ? defs?.[name] : undefined) ?? {}
}

function seedOf(ctx: SampleContext): number {
  return hashText(`${ctx.seed}:${ctx.path}`)
}

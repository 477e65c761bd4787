import { z } from 'zod'

/** A JSON Schema node, as zod emits it and as the providers accept it. */
export type JsonSchemaNode = Record<string, unknown>

/** Keywords OpenAI's strict mode refuses; zod still checks them when the answer is parsed. */
const STRICT_UNSUPPORTED = new Set([
  '$schema',
  'default',
  'examples',
  'minLength',
  'maxLength',
  'propertyNames',
  'patternProperties',
  'unevaluatedProperties',
  'minProperties',
  'maxProperties',
  'uniqueItems',
  'contains',
])

const plainCache = new WeakMap<z.ZodType, JsonSchemaNode>()
const strictCache = new WeakMap<z.ZodType, JsonSchemaNode>()

/**
 * The schema of what the model must write, which is the *input* side of the zod schema
 * (defaults may be omitted, transforms see the raw value). Anthropic takes it as a tool's
 * `input_schema`; `dropNullOptionals` walks it.
 */
export function toJsonSchema(schema: z.ZodType): JsonSchemaNode {
  let cached = plainCache.get(schema)
  if (!cached) {
    const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
      io: 'input',
      unrepresentable: 'any',
    }) as JsonSchemaNode
    cached = rest
    plainCache.set(schema, cached)
  }
  return cached
}

/**
 * The same schema adjusted to OpenAI's strict structured outputs: every object lists all of
 * its properties in `required` and sets `additionalProperties: false`, optional properties
 * become nullable, `oneOf` becomes `anyOf`, and unsupported keywords are dropped. Records
 * (`z.record`) cannot be expressed in strict mode; give such data as an array of entries.
 */
export function toStrictJsonSchema(schema: z.ZodType): JsonSchemaNode {
  let cached = strictCache.get(schema)
  if (!cached) {
    cached = makeStrict(toJsonSchema(schema)) as JsonSchemaNode
    strictCache.set(schema, cached)
  }
  return cached
}

/**
 * Removes `null` from properties the zod schema marks optional: strict mode made the model
 * write them, while zod's `.optional()` accepts only absence.
 */
export function dropNullOptionals(value: unknown, schema: JsonSchemaNode, root = schema): unknown {
  const node = resolveRef(schema, root)
  if (Array.isArray(value)) {
    const tuple = Array.isArray(node.prefixItems) ? (node.prefixItems as JsonSchemaNode[]) : []
    const items = isNode(node.items) ? node.items : {}
    return value.map((item, i) => dropNullOptionals(item, tuple[i] ?? items, root))
  }
  if (!isNode(value)) return value

  const shapes = collectObjectShapes(node, root)
  const result: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    const owner = shapes.find((shape) => isNode(shape.properties) && key in shape.properties)
    const required = Array.isArray(owner?.required) && owner.required.includes(key)
    if (item === null && owner && !required) continue
    const child = owner ? (owner.properties as Record<string, JsonSchemaNode>)[key] : undefined
    result[key] = child ? dropNullOptionals(item, child, root) : item
  }
  return result
}

function makeStrict(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(makeStrict)
  if (!isNode(node)) return node

  const out: JsonSchemaNode = {}
  for (const [key, value] of Object.entries(node)) {
    if (STRICT_UNSUPPORTED.has(key)) continue
    if (key === 'properties' || key === '$defs' || key === 'definitions') {
      out[key] = mapValues(value, makeStrict)
    } else out[key === 'oneOf' ? 'anyOf' : key] = makeStrict(value)
  }

  const properties = isNode(out.properties) ? out.properties : undefined
  if (properties || (out.type === 'object' && !isNode(out.additionalProperties))) {
    const required = new Set(Array.isArray(node.required) ? node.required : [])
    const all = properties ?? {}
    for (const key of Object.keys(all)) {
      if (!required.has(key)) all[key] = allowNull(all[key] as JsonSchemaNode)
    }
    out.properties = all
    out.required = Object.keys(all)
    out.additionalProperties = false
  }
  return out
}

function allowNull(node: JsonSchemaNode): JsonSchemaNode {
  if (admitsNull(node)) return node
  if (typeof node.type === 'string' && !('enum' in node) && !('const' in node)) {
    return { ...node, type: [node.type, 'null'] }
  }
  return { anyOf: [node, { type: 'null' }] }
}

function admitsNull(node: JsonSchemaNode): boolean {
  if (node.type === 'null' || (Array.isArray(node.type) && node.type.includes('null'))) return true
  const branches = Array.isArray(node.anyOf) ? node.anyOf : []
  return branches.some((branch) => isNode(branch) && admitsNull(branch))
}

/** The node itself and every object branch of its anyOf/oneOf/allOf, refs resolved. */
function collectObjectShapes(node: JsonSchemaNode, root: JsonSchemaNode): JsonSchemaNode[] {
  const shapes = [node]
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    const branches = Array.isArray(node[key]) ? (node[key] as JsonSchemaNode[]) : []
    for (const branch of branches)
      shapes.push(...collectObjectShapes(resolveRef(branch, root), root))
  }
  return shapes
}

function resolveRef(node: JsonSchemaNode, root: JsonSchemaNode): JsonSchemaNode {
  const ref = node.$ref
  if (typeof ref !== 'string') return node
  if (ref === '#') return root
  const [, group, name] = /^#\/(\$defs|definitions)\/(.+)$/.exec(ref) ?? []
  const defs = group ? root[group] : undefined
  const found = isNode(defs) && name ? defs[decodeURIComponent(name)] : undefined
  return isNode(found) ? found : {}
}

function mapValues(value: unknown, map: (item: unknown) => unknown): unknown {
  if (!isNode(value)) return value
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, map(item)]))
}

function isNode(value: unknown): value is JsonSchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

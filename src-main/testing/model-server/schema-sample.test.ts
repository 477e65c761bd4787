import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { toStrictJsonSchema } from '../../worker/providers/json-schema'
import { sampleFromSchema, type JsonSchema } from './schema-sample'

const CharacterSchema = z.object({
  name: z.string().min(12),
  age: z.number().int().min(18).max(90),
  role: z.enum(['protagonist', 'antagonist', 'mentor']),
  email: z.email(),
  id: z.uuid(),
  nickname: z.string().optional(),
  secret: z.string().nullable(),
  weight: z.number().positive(),
})

const WorldSchema = z.object({
  kind: z.literal('world'),
  title: z.string().describe('Title of the world'),
  born: z.iso.datetime(),
  places: z.array(z.object({ name: z.string(), danger: z.number().min(0).max(1) })).min(4),
  characters: z.array(CharacterSchema).min(1).max(2),
  rules: z.array(z.string()).max(1),
  magic: z.discriminatedUnion('type', [
    z.object({ type: z.literal('none') }),
    z.object({ type: z.literal('runes'), runes: z.array(z.string()).min(2) }),
  ]),
  pair: z.tuple([z.string(), z.boolean()]),
})

type Node = { label: string; children: Node[] }
const TreeSchema: z.ZodType<Node> = z.object({
  label: z.string(),
  get children() {
    return z.array(TreeSchema)
  },
})

const toSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input' }) as JsonSchema

describe('sampleFromSchema', () => {
  it('produces a valid instance of a nested zod schema', () => {
    const sample = sampleFromSchema(toSchema(WorldSchema))

    const world = WorldSchema.parse(sample)
    expect(world.places).toHaveLength(4)
    expect(world.characters).toHaveLength(2)
    expect(world.rules).toHaveLength(1)
    expect(world.title.split(' ').length).toBeGreaterThanOrEqual(2)
    expect(world.characters[0]?.name.length).toBeGreaterThanOrEqual(12)
  })

  it('produces a valid instance of the OpenAI strict form of the schema', () => {
    const sample = sampleFromSchema(toStrictJsonSchema(WorldSchema) as JsonSchema)

    expect(WorldSchema.safeParse(sample).success).toBe(true)
  })

  it('ends recursive schemas instead of recursing forever', () => {
    const sample = sampleFromSchema(toSchema(TreeSchema))

    expect(TreeSchema.parse(sample).children).toHaveLength(3)
  })

  it('gives the same sample for the same seed and another for a different one', () => {
    const schema = toSchema(z.object({ title: z.string() }))

    expect(sampleFromSchema(schema, { seed: 7 })).toEqual(sampleFromSchema(schema, { seed: 7 }))
    expect(sampleFromSchema(schema, { seed: 7 })).not.toEqual(sampleFromSchema(schema, { seed: 8 }))
  })

  it('keeps numbers inside exclusive and one-sided bounds', () => {
    const schema = z.object({
      below: z.number().int().max(-10),
      above: z.number().gt(100),
      between: z.number().gt(0).lt(0.1),
    })

    expect(schema.safeParse(sampleFromSchema(toSchema(schema))).success).toBe(true)
  })
})

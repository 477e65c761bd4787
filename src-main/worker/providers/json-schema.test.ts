import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { dropNullOptionals, toJsonSchema, toStrictJsonSchema } from './json-schema'

const OutlineSchema = z.object({
  title: z.string().min(3),
  note: z.string().optional(),
  mood: z.enum(['dark', 'light']).optional(),
  chapters: z.array(z.object({ name: z.string(), pov: z.string().nullable().optional() })),
  ending: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('open') }),
    z.object({ kind: z.literal('closed'), twist: z.string().optional() }),
  ]),
})

describe('toStrictJsonSchema', () => {
  it('requires every property, forbids extras and makes optional ones nullable', () => {
    const schema = toStrictJsonSchema(OutlineSchema) as Record<string, any>

    expect(schema.$schema).toBeUndefined()
    expect(schema.required).toEqual(['title', 'note', 'mood', 'chapters', 'ending'])
    expect(schema.additionalProperties).toBe(false)
    expect(schema.properties.title).toEqual({ type: 'string' })
    expect(schema.properties.note).toEqual({ type: ['string', 'null'] })
    expect(schema.properties.mood).toEqual({
      anyOf: [{ type: 'string', enum: ['dark', 'light'] }, { type: 'null' }],
    })
    expect(schema.properties.chapters.items).toMatchObject({
      required: ['name', 'pov'],
      additionalProperties: false,
    })
    expect(schema.properties.ending.anyOf[1].required).toEqual(['kind', 'twist'])
  })

  it('leaves the plain schema, used for Anthropic tools, as zod wrote it', () => {
    const schema = toJsonSchema(OutlineSchema) as Record<string, any>

    expect(schema.required).toEqual(['title', 'chapters', 'ending'])
    expect(schema.properties.title.minLength).toBe(3)
  })
})

describe('dropNullOptionals', () => {
  it('removes nulls the strict schema forced into optional fields, at any depth', () => {
    const answer = {
      title: 'Ash',
      note: null,
      mood: null,
      chapters: [{ name: 'One', pov: null }],
      ending: { kind: 'closed', twist: null },
    }

    const cleaned = dropNullOptionals(answer, toJsonSchema(OutlineSchema))

    expect(OutlineSchema.parse(cleaned)).toEqual({
      title: 'Ash',
      chapters: [{ name: 'One' }],
      ending: { kind: 'closed' },
    })
  })

  it('keeps nulls where the schema asks for them', () => {
    const schema = z.object({ editor: z.string().nullable() })

    expect(dropNullOptionals({ editor: null }, toJsonSchema(schema))).toEqual({ editor: null })
  })
})

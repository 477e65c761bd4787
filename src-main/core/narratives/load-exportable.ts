import { and, eq } from 'drizzle-orm'
import type { Database } from '../db/open-database'
import { narratives, users } from '../db/schema'
import type { ExportableNarrative } from '../exports/types'
import type { Language } from '@shared/contracts/catalog'
import { narrativeNotFound } from './narratives-service'

/** The narrative as the exporters need it, with its author and known character names. */
export async function loadExportable(
  db: Database,
  userId: string,
  id: string,
): Promise<ExportableNarrative> {
  const [row] = await db
    .select({ narrative: narratives, author: users.fullName })
    .from(narratives)
    .innerJoin(users, eq(users.id, narratives.userId))
    .where(and(eq(narratives.id, id), eq(narratives.userId, userId)))
  if (!row) throw narrativeNotFound()
  const { narrative } = row
  return {
    id: narrative.id,
    title: narrative.title,
    language: narrative.language as Language,
    genre: narrative.genre,
    form: narrative.form,
    author: row.author,
    text: narrative.text,
    createdAt: narrative.createdAt,
    updatedAt: narrative.updatedAt,
    characters: characterNames(narrative.metadata),
  }
}

function characterNames(metadata: unknown): { name: string }[] {
  const list = (metadata as { characters?: unknown } | null)?.characters
  const items = Array.isArray(list) ? list : ((list as { characters?: unknown })?.characters ?? [])
  if (!Array.isArray(items)) return []
  return items
    .map((c) => (c as { name?: unknown })?.name)
    .filter((name): name is string => typeof name === 'string' && name.length > 0)
    .map((name) => ({ name }))
}

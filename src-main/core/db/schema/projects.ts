import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { money, timestamps, users } from './users'

export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    defaultGenre: text('default_genre'),
    defaultForm: text('default_form'),
    narrativeCount: integer('narrative_count').notNull().default(0),
    totalWordCount: integer('total_word_count').notNull().default(0),
    totalCostUsd: money('total_cost_usd').notNull().default(0),
    ...timestamps,
  },
  (t) => [index('ix_projects_user_created').on(t.userId, t.createdAt)],
)

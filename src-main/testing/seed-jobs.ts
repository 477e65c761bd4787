import type { PGlite } from '@electric-sql/pglite'

/**
 * Fills the database with `jobs` generation jobs spread over `users` writers with five
 * projects each and every status, in three statements (seconds, not minutes, for 100k rows).
 * Jobs go to the projects round-robin, and the status moves on by one with each round, so
 * every project holds jobs of every status whatever the number of projects (taking the
 * status from the job number alone would give a project one status whenever five divides
 * the project count, and 'project + status' queries would find all of it or nothing).
 * Returns one writer and one of their projects to query as.
 */
export async function seedJobs(
  pg: PGlite,
  jobs: number,
  users = 100,
): Promise<{ userId: string; projectId: string }> {
  await pg.exec(`
    INSERT INTO users (email, password_hash, usage_month)
    SELECT 'seed' || g || '@example.com', 'x', '2026-03' FROM generate_series(1, ${users}) g;
    INSERT INTO projects (user_id, name)
    SELECT u.id, 'Project ' || p FROM users u CROSS JOIN generate_series(1, 5) p WHERE u.email LIKE 'seed%';
  `)
  await pg.exec(`
    WITH p AS (SELECT id, user_id, row_number() OVER () - 1 AS n FROM projects WHERE name LIKE 'Project %'),
         c AS (SELECT count(*) AS total FROM p)
    INSERT INTO generation_jobs (user_id, project_id, status, brief, quota_month, created_at)
    SELECT p.user_id, p.id,
           (ARRAY['queued','running','completed','failed','cancelled'])[1 + ((g / c.total)::int % 5)],
           '{}'::jsonb, '2026-03',
           timestamp '2026-01-01' + g * interval '1 minute'
    FROM generate_series(1, ${jobs}) g
    JOIN c ON true
    JOIN p ON p.n = g % c.total;
    ANALYZE generation_jobs;
  `)
  const res = await pg.query<{ user_id: string; id: string }>(
    `SELECT user_id, id FROM projects WHERE name = 'Project 1' ORDER BY id LIMIT 1`,
  )
  return { userId: res.rows[0]!.user_id, projectId: res.rows[0]!.id }
}

export * from './users'
export * from './projects'
export * from './jobs'
export * from './narratives'

import { lazy, type ComponentType } from 'react'

/**
 * A screen loaded on first visit, from a module that exports it by name. Keeps the first
 * paint to the shell and the dashboard; the shell's Suspense shows a spinner meanwhile.
 */
export function lazyScreen<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
) {
  return lazy(() => load().then((module) => ({ default: module[name] })))
}

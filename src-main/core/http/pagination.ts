import type { Page, PageQuery } from '@shared/contracts/common'

/** Row offset of a page. */
export function offsetOf(query: PageQuery): number {
  return (query.page - 1) * query.page_size
}

/** Wraps one page of items in the list shape every collection shares. */
export function toPage<T>(items: T[], total: number, query: PageQuery): Page<T> {
  return {
    items,
    total,
    page: query.page,
    page_size: query.page_size,
    total_pages: total === 0 ? 0 : Math.ceil(total / query.page_size),
  }
}

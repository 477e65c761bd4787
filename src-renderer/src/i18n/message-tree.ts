/** Interface text as nested objects of strings, the shape i18next resources take. */
export interface MessageTree {
  [key: string]: string | MessageTree
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/

/**
 * Every key of a message tree as a dotted path, with plural forms folded into their base
 * key, so languages with different plural rules can be compared.
 */
export function messageKeys(tree: MessageTree, prefix = ''): Set<string> {
  const keys = new Set<string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') keys.add(path.replace(PLURAL_SUFFIX, ''))
    else for (const nested of messageKeys(value, path)) keys.add(nested)
  }
  return keys
}

import type { Language } from '@shared/contracts/catalog'

/**
 * A versioned prompt. Changing what a prompt asks for means a new version file, so a
 * checkpointed job and its logs can be traced to the words that produced them.
 */
export interface PromptTemplate<Input> {
  id: string
  version: number
  system(language: Language): string
  user(input: Input): string
}

import { shell } from './shell'
import { catalog } from './catalog'
import { work } from './work'
import { system } from './system'

/** English interface text; `pl` mirrors every key (plural forms follow each language). */
export const en = { ...shell, ...catalog, ...work, ...system }

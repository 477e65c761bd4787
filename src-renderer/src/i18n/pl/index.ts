import { shell } from './shell'
import { catalog } from './catalog'
import { work } from './work'
import { system } from './system'

/** Polish interface text: the same keys as `en`, with Polish plural forms. */
export const pl = { ...shell, ...catalog, ...work, ...system }

import type { Language } from '@shared/contracts/catalog'

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

// Control characters other than tab and newline are not allowed anywhere in XML 1.0; a model's
// stray one would make the whole document unreadable, so it is dropped rather than escaped.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

const REGION_BY_LANGUAGE: Record<Language, string> = { pl: 'pl-PL', en: 'en-US' }

/** Escapes text for XML element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(XML_FORBIDDEN, '').replace(/[&<>"']/g, (char) => XML_ENTITIES[char] ?? char)
}

/** The regional language tag Word uses for proofing, such as `pl-PL`. */
export function toRegionalLanguageTag(language: Language): string {
  return REGION_BY_LANGUAGE[language]
}

/** A W3C date-time without milliseconds, as `dcterms:modified` requires: `2024-05-01T12:00:00Z`. */
export function formatW3cDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

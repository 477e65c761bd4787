import type { UiLanguage } from '@shared/contracts/bridge'

/**
 * Everything the main process says in its own windows, menus and notifications; the
 * renderer's words live in its own catalogs. Each language must fill every key.
 */
export interface ShellText {
  menu: {
    openDataFolder: string
    openLogsFolder: string
  }
  notices: {
    storyReady: string
    storyReadyBody: string
    generationStopped: string
    generationStoppedBody: string
  }
  startupFailure: {
    heading: string
  }
  /**
   * The page escapes the plain strings; the functions get their values as HTML (escaped, or
   * markup such as `<code>`) and are used as they return, so their own words hold no markup.
   */
  recoveryPage: {
    title: string
    heading: string
    databaseUnreadable(folder: string): string
    latestBackup(date: string, reason: string): string
    noBackups: string
    nothingDeleted(folder: string): string
    restore: string
    startFresh: string
    working: string
  }
  /** The answers to the recovery page's buttons; plain text. */
  recoveryResult: {
    restored(backup: string, replaced: string | null): string
    startedFresh(replaced: string | null): string
    failed: string
  }
}

const en: ShellText = {
  menu: {
    openDataFolder: 'Open Data Folder',
    openLogsFolder: 'Open Logs Folder',
  },
  notices: {
    storyReady: 'Your story is ready',
    storyReadyBody: 'Open NarraForge to read it.',
    generationStopped: 'Generation stopped',
    generationStoppedBody: 'Open NarraForge to see what went wrong and resume.',
  },
  startupFailure: {
    heading: 'NarraForge could not start',
  },
  recoveryPage: {
    title: 'NarraForge — recovery',
    heading: 'NarraForge could not open your library',
    databaseUnreadable: (folder) => `NarraForge could not start with the database in ${folder}:`,
    latestBackup: (date, reason) => `The newest backup is from ${date} (${reason}).`,
    noBackups: 'There are no backups in the data folder.',
    nothingDeleted: (folder) =>
      `Neither choice deletes anything: the current database is moved to the ${folder} folder inside the data folder.`,
    restore: 'Restore the latest backup',
    startFresh: 'Start fresh, keeping the old data aside',
    working: 'Working…',
  },
  recoveryResult: {
    restored: (backup, replaced) => `Restored ${backup}. ${enMovedAside(replaced)} Restarting…`,
    startedFresh: (replaced) => `${enMovedAside(replaced)} Restarting with an empty library…`,
    failed: 'That did not work; the log has the details.',
  },
}

/** Backup reasons as the renderer names them; an unknown reason is shown as it is. */
const PL_BACKUP_REASONS: Record<string, string> = {
  daily: 'codzienna',
  manual: 'ręczna',
  'pre-migration': 'przed aktualizacją',
  'pre-restore': 'przed przywróceniem',
}

const pl: ShellText = {
  menu: {
    openDataFolder: 'Otwórz folder danych',
    openLogsFolder: 'Otwórz folder dzienników',
  },
  notices: {
    storyReady: 'Twój utwór jest gotowy',
    storyReadyBody: 'Otwórz NarraForge, aby go przeczytać.',
    generationStopped: 'Generowanie zatrzymane',
    generationStoppedBody: 'Otwórz NarraForge, aby sprawdzić, co poszło nie tak, i wznowić pracę.',
  },
  startupFailure: {
    heading: 'Nie udało się uruchomić NarraForge',
  },
  recoveryPage: {
    title: 'NarraForge — odzyskiwanie',
    heading: 'NarraForge nie może otworzyć Twojej biblioteki',
    databaseUnreadable: (folder) =>
      `Nie udało się uruchomić NarraForge z bazą danych w folderze ${folder}:`,
    latestBackup: (date, reason) =>
      `Najnowsza kopia zapasowa pochodzi z ${date} (${PL_BACKUP_REASONS[reason] ?? reason}).`,
    noBackups: 'W folderze danych nie ma kopii zapasowych.',
    nothingDeleted: (folder) =>
      `Żadna z opcji niczego nie usuwa: obecna baza danych zostanie przeniesiona do folderu ${folder} w folderze danych.`,
    restore: 'Przywróć najnowszą kopię zapasową',
    startFresh: 'Zacznij od nowa, odkładając stare dane na bok',
    working: 'Trwa przetwarzanie…',
  },
  recoveryResult: {
    restored: (backup, replaced) =>
      `Przywrócono ${backup}. ${plMovedAside(replaced)} NarraForge uruchomi się ponownie…`,
    startedFresh: (replaced) =>
      `${plMovedAside(replaced)} NarraForge uruchomi się ponownie z pustą biblioteką…`,
    failed: 'Nie udało się; szczegóły są w dzienniku.',
  },
}

/** The shell's words in each interface language the renderer offers. */
export const SHELL_TEXT: Record<UiLanguage, ShellText> = { en, pl }

/** The shell's language for a system locale such as `pl-PL`, before the renderer says more. */
export function shellLanguageOf(locale: string): UiLanguage {
  return /^pl(?:[-_]|$)/i.test(locale) ? 'pl' : 'en'
}

function enMovedAside(replaced: string | null): string {
  return replaced
    ? `The previous database is in ${replaced}.`
    : 'There was no database to move aside.'
}

function plMovedAside(replaced: string | null): string {
  return replaced
    ? `Poprzednia baza danych jest w ${replaced}.`
    : 'Nie było bazy danych do przeniesienia.'
}

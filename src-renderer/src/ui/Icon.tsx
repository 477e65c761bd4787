export type IconName =
  'home' | 'feather' | 'folder' | 'queue' | 'book' | 'chart' | 'pulse' | 'gear' | 'plus' | 'logout'

/** Stroke paths on a 24-unit grid, drawn in the current text colour. */
const PATHS: Record<IconName, string> = {
  home: 'M3 11.5 12 4l9 7.5M5.5 9.5V20h13V9.5',
  feather: 'M20 4c-6 0-12 4.5-13 12l-3 4m3-4h6c3-1 5.5-4 6-8m-9.5 4 9.5-8',
  folder:
    'M3 6.5A1.5 1.5 0 0 1 4.5 5H9l2 2.5h8.5A1.5 1.5 0 0 1 21 9v9.5a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 18.5z',
  queue: 'M4 6h16M4 12h16M4 18h10',
  book: 'M4 5.5C6.5 4 9.5 4 12 5.5v14c-2.5-1.5-5.5-1.5-8 0zM20 5.5C17.5 4 14.5 4 12 5.5v14c2.5-1.5 5.5-1.5 8 0z',
  chart: 'M4 20V10m5.3 10V4m5.4 16v-7M20 20V8',
  pulse: 'M3 12h4l2.5-6 4 12 2.5-6H21',
  gear: 'M12 15.5a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM19 12l2-1.2-1.8-3.2-2.3.6-1.6-1-.6-2.2h-3.4l-.6 2.2-1.6 1-2.3-.6L5 10.8 7 12l-2 1.2 1.8 3.2 2.3-.6 1.6 1 .6 2.2h3.4l.6-2.2 1.6-1 2.3.6 1.8-3.2z',
  plus: 'M12 5v14M5 12h14',
  logout: 'M14 5h4.5A1.5 1.5 0 0 1 20 6.5v11a1.5 1.5 0 0 1-1.5 1.5H14M10 16l-4-4 4-4m-4 4h10',
}

export function Icon({ name, size = 18 }: { name: IconName; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.7}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  )
}

// Draws build/icon.png (512×512 RGBA): a page with lines of text and a quill on an ink-blue
// tile. Written by hand with zlib so the icon needs no image tooling; run `node build/make-icon.mjs`.
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

const SIZE = 512
const SUBSAMPLES = 4
const INK = [43, 58, 85]
const PAPER = [244, 235, 217]
const TEXT = [176, 164, 140]
const QUILL = [224, 164, 88]
const NIB = [60, 52, 44]

/** Shapes from back to front; each says whether a point lies inside it. */
const shapes = [
  { color: INK, inside: (x, y) => roundedRect(x, y, 16, 16, 496, 496, 96) },
  { color: PAPER, inside: (x, y) => roundedRect(x, y, 140, 96, 372, 416, 18) },
  ...[0, 1, 2, 3, 4, 5].map((i) => ({
    color: TEXT,
    inside: (x, y) => roundedRect(x, y, 172, 150 + i * 40, i === 5 ? 270 : 340, 161 + i * 40, 5),
  })),
  { color: QUILL, inside: (x, y) => ellipse(x, y, 372, 215, 30, 135, 0.43) },
  { color: NIB, inside: (x, y) => segment(x, y, 318, 332, 286, 404, 8) },
]

const pixels = Buffer.alloc(SIZE * SIZE * 4)
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    let [r, g, b, a] = [0, 0, 0, 0]
    for (let sy = 0; sy < SUBSAMPLES; sy++) {
      for (let sx = 0; sx < SUBSAMPLES; sx++) {
        const x = px + (sx + 0.5) / SUBSAMPLES
        const y = py + (sy + 0.5) / SUBSAMPLES
        const hit = shapes.findLast((s) => s.inside(x, y))
        if (!hit) continue
        r += hit.color[0]
        g += hit.color[1]
        b += hit.color[2]
        a += 1
      }
    }
    const at = (py * SIZE + px) * 4
    const n = SUBSAMPLES * SUBSAMPLES
    pixels[at] = a ? Math.round(r / a) : 0
    pixels[at + 1] = a ? Math.round(g / a) : 0
    pixels[at + 2] = a ? Math.round(b / a) : 0
    pixels[at + 3] = Math.round((a / n) * 255)
  }
}

const out = join(dirname(fileURLToPath(import.meta.url)), 'icon.png')
writeFileSync(out, encodePng(pixels, SIZE, SIZE))
process.stdout.write(`wrote ${out}\n`)

function roundedRect(x, y, x0, y0, x1, y1, radius) {
  const cx = Math.min(Math.max(x, x0 + radius), x1 - radius)
  const cy = Math.min(Math.max(y, y0 + radius), y1 - radius)
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2
}

function ellipse(x, y, cx, cy, rx, ry, angle) {
  const dx = x - cx
  const dy = y - cy
  const u = dx * Math.cos(angle) + dy * Math.sin(angle)
  const v = -dx * Math.sin(angle) + dy * Math.cos(angle)
  return (u / rx) ** 2 + (v / ry) ** 2 <= 1
}

function segment(x, y, x0, y0, x1, y1, width) {
  const [dx, dy] = [x1 - x0, y1 - y0]
  const t = Math.min(Math.max(((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy), 0), 1)
  return (x - x0 - t * dx) ** 2 + (y - y0 - t * dy) ** 2 <= (width / 2) ** 2
}

/** PNG: signature, IHDR (8-bit RGBA), one IDAT of filter-0 rows, IEND. */
function encodePng(rgba, width, height) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 6, 0, 0, 0], 8)
  const rows = Buffer.alloc((width * 4 + 1) * height)
  for (let y = 0; y < height; y++)
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

function crc32(bytes) {
  let crc = 0xffffffff
  for (const byte of bytes) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1
  }
  return (crc ^ 0xffffffff) >>> 0
}

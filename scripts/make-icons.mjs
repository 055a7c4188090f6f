// Draws the add-in's ribbon and store icons into assets/ as PNGs, using only Node's zlib, so they can be
// regenerated without an image editor or any package. Run: node scripts/make-icons.mjs
import { writeFileSync, mkdirSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const TEAL = [0x0f, 0x7c, 0x7a];
const WHITE = [0xff, 0xff, 0xff];
const SUPERSAMPLE = 8; // samples per pixel edge; enough for smooth edges at 16 px

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes 8-bit RGBA pixels (row-major, 4 bytes each) as a PNG file. */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, no filter method, no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter type None
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// Shapes are tests on a point in a unit square (0..1), so one drawing serves every size.

function inRoundedSquare(x, y, inset, radius) {
  const lo = inset + radius;
  const hi = 1 - inset - radius;
  const dx = Math.max(lo - x, 0, x - hi);
  const dy = Math.max(lo - y, 0, y - hi);
  return x >= inset && x <= 1 - inset && y >= inset && y <= 1 - inset && dx * dx + dy * dy <= radius * radius;
}

function nearSegment(x, y, [ax, ay], [bx, by], halfWidth) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.min(1, Math.max(0, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  const dx = x - (ax + t * vx);
  const dy = y - (ay + t * vy);
  return dx * dx + dy * dy <= halfWidth * halfWidth;
}

function inTriangle(x, y, [ax, ay], [bx, by], [cx, cy]) {
  const side = (px, py, qx, qy) => (x - qx) * (py - qy) - (px - qx) * (y - qy);
  const d1 = side(ax, ay, bx, by);
  const d2 = side(bx, by, cx, cy);
  const d3 = side(cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

/** Snaps a stroke to whole pixels so small icons stay crisp: returns [centre, half width] in unit coordinates. */
function crispStroke(centre, width, size) {
  const px = Math.max(1, Math.round(width * size));
  const c = px % 2 ? Math.floor(centre * size) + 0.5 : Math.round(centre * size);
  return [c / size, px / 2 / size];
}

/** Four tally strokes crossed by a fifth: counting sessions. */
function tallyMark(x, y, size) {
  const bars = [0.31, 0.44, 0.57, 0.7].some((bx) => {
    const [cx, half] = crispStroke(bx, 0.09, size);
    return nearSegment(x, y, [cx, 0.27], [cx, 0.73], half);
  });
  return bars || nearSegment(x, y, [0.2, 0.66], [0.8, 0.34], Math.max(0.045, 0.6 / size));
}

/** A clockwise circular arrow: refresh. */
function refreshMark(x, y, size) {
  const dx = x - 0.5;
  const dy = y - 0.5;
  const r = Math.hypot(dx, dy);
  const angle = (Math.atan2(dy, dx) * 180) / Math.PI; // 0° points right, positive turns clockwise on screen
  const onRing = Math.abs(r - 0.22) <= Math.max(0.05, 0.6 / size) && !(angle > -95 && angle < -40);
  const head = inTriangle(x, y, [0.5, 0.16], [0.5, 0.4], [0.66, 0.28]);
  return onRing || head;
}

function drawIcon(size, mark) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE;
  // The inset keeps a transparent margin of about one pixel at 16 px, as Office's ribbon icons have.
  const inset = 0.5 / 16;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          if (!inRoundedSquare(x, y, inset, 0.2)) continue;
          bg++;
          if (mark(x, y, size)) fg++;
        }
      }
      const alpha = bg / (n * n);
      const white = bg ? fg / bg : 0;
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(TEAL[c] * (1 - white) + WHITE[c] * white);
      rgba[i + 3] = Math.round(alpha * 255);
    }
  }
  return encodePng(size, size, rgba);
}

const assets = fileURLToPath(new URL("../assets/", import.meta.url));
mkdirSync(assets, { recursive: true });
for (const size of [16, 32, 64, 80, 128]) {
  writeFileSync(`${assets}icon-${size}.png`, drawIcon(size, tallyMark));
}
for (const size of [16, 32, 80]) {
  writeFileSync(`${assets}refresh-${size}.png`, drawIcon(size, refreshMark));
}
console.log(`icons written to ${assets}`);

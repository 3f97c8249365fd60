/**
 * Makes templates/favicon.ico from templates/assets/icon.svg: the icon drawn by Debian's chromium
 * (the browser tests' own, never downloaded) at 16, 32 and 48 pixels, each PNG kept as it is in an
 * ICO file (PNG entries are read by every browser since 2007). Run after changing the icon:
 * `npx tsx scripts/favicon.ts`. The result is committed, so a build needs no browser.
 */
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { launchBrowser } from "../tests/e2e/browser.ts";

const SIZES = [16, 32, 48];
const SVG = fileURLToPath(new URL("../templates/assets/icon.svg", import.meta.url));
const ICO = fileURLToPath(new URL("../templates/favicon.ico", import.meta.url));

/** An ICO file holding `images` (PNG bytes, each `size` pixels square). */
export function icoFile(images: { size: number; png: Uint8Array }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at); // width (0 means 256)
    header.writeUInt8(size >= 256 ? 0 : size, at + 1); // height
    header.writeUInt8(0, at + 2); // no palette
    header.writeUInt8(0, at + 3); // reserved
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((i) => Buffer.from(i.png))]);
}

async function main(): Promise<void> {
  const svg = await readFile(SVG, "utf8");
  const browser = await launchBrowser();
  try {
    const images = [];
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(`<!DOCTYPE html><style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
      images.push({ size, png: await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }) });
      await page.close();
    }
    await writeFile(ICO, icoFile(images));
    process.stdout.write(`Wrote ${ICO} (${SIZES.join(", ")} px)\n`);
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();

import { executeServerCommand } from '@web/test-runner-commands';

/** A screenshot as pixels: RGBA bytes, row by row. */
export interface Shot {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** A screenshot of what the page paints inside `node`'s box (CSS pixels), taken by the browser driver. */
export async function shoot(node: Element, margin = 4): Promise<Shot> {
  node.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const box = node.getBoundingClientRect();
  const clip = {
    x: Math.max(0, Math.floor(box.left) - margin),
    y: Math.max(0, Math.floor(box.top) - margin),
    width: Math.ceil(box.width) + 2 * margin,
    height: Math.ceil(box.height) + 2 * margin,
  };
  const base64 = await executeServerCommand<string, typeof clip>('screenshot', clip);
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  return { width: bitmap.width, height: bitmap.height, data: context.getImageData(0, 0, bitmap.width, bitmap.height).data };
}

/** How many pixels differ between two shots of the same size (any channel by more than `tolerance`). */
export function pixelsChanged(a: Shot, b: Shot, tolerance = 8): number {
  const width = Math.min(a.width, b.width);
  const height = Math.min(a.height, b.height);
  // Pixels outside the shared area count as changed.
  let changed = Math.max(a.width * a.height, b.width * b.height) - width * height;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * a.width + x) * 4;
      const j = (y * b.width + x) * 4;
      if (
        Math.abs(a.data[i] - b.data[j]) > tolerance ||
        Math.abs(a.data[i + 1] - b.data[j + 1]) > tolerance ||
        Math.abs(a.data[i + 2] - b.data[j + 2]) > tolerance
      ) {
        changed += 1;
      }
    }
  }
  return changed;
}

/**
 * The system colours as they end up on screen, by name. Chromium's emulated palette has translucent
 * entries (Highlight), so each is taken over Canvas, and a translucent one also over every other
 * (a Highlight border on a Highlight track is `Highlight over Highlight`).
 */
export function paintedSystemColours(): Map<string, [number, number, number]> {
  const names = ['Canvas', 'CanvasText', 'LinkText', 'GrayText', 'Highlight', 'HighlightText', 'ButtonFace', 'ButtonText', 'ButtonBorder', 'Field', 'FieldText', 'Mark', 'MarkText', 'SelectedItem', 'SelectedItemText', 'AccentColor', 'AccentColorText'];
  const probe = document.createElement('span');
  document.body.append(probe);
  const raw = new Map(
    names.map((name) => {
      probe.style.color = name;
      const [r, g, b, a = 1] = getComputedStyle(probe).color.match(/[\d.]+/g)!.map(Number);
      return [name, { rgb: [r, g, b], a }] as const;
    }),
  );
  probe.remove();
  const over = (top: { rgb: readonly number[]; a: number }, under: readonly number[]) =>
    top.rgb.map((channel, i) => Math.round(channel * top.a + under[i] * (1 - top.a))) as [number, number, number];
  const canvas = raw.get('Canvas')!.rgb;
  const painted = new Map<string, [number, number, number]>();
  for (const [name, colour] of raw) painted.set(name, over(colour, canvas));
  for (const [name, colour] of raw) {
    if (colour.a === 1) continue;
    for (const [under, rgb] of [...painted]) if (!under.includes(' over ')) painted.set(`${name} over ${under}`, over(colour, rgb));
  }
  return painted;
}

/** Each system colour's share of a shot's pixels (within a small tolerance), largest first. */
export function systemShares(shot: Shot, palette: Map<string, [number, number, number]>, tolerance = 3): Map<string, number> {
  const counts = new Map<string, number>();
  const total = shot.width * shot.height;
  for (let i = 0; i < shot.data.length; i += 4) {
    for (const [name, [r, g, b]] of palette) {
      if (Math.abs(shot.data[i] - r) <= tolerance && Math.abs(shot.data[i + 1] - g) <= tolerance && Math.abs(shot.data[i + 2] - b) <= tolerance) {
        const colour = name.split(' over ')[0];
        counts.set(colour, (counts.get(colour) ?? 0) + 1);
        break;
      }
    }
  }
  return new Map([...counts].map(([name, count]) => [name, count / total] as const).sort((a, b) => b[1] - a[1]));
}

/**
 * The share of pixels in a colour forced-colours mode would never paint: neither a system colour
 * nor an anti-aliased blend of two of them (a point near the line between them).
 */
export function foreignShare(shot: Shot, palette: Map<string, [number, number, number]>, tolerance = 12): number {
  const colours = [...new Map([...palette.values()].map((c) => [c.join(','), c])).values()];
  const near = (p: number[], a: number[], b: number[]) => {
    const ab = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
    const length = ab[0] ** 2 + ab[1] ** 2 + ab[2] ** 2;
    const t = length === 0 ? 0 : Math.min(1, Math.max(0, ((p[0] - a[0]) * ab[0] + (p[1] - a[1]) * ab[1] + (p[2] - a[2]) * ab[2]) / length));
    const d = Math.hypot(p[0] - a[0] - t * ab[0], p[1] - a[1] - t * ab[1], p[2] - a[2] - t * ab[2]);
    return d <= tolerance;
  };
  const seen = new Map<string, boolean>();
  let foreign = 0;
  for (let i = 0; i < shot.data.length; i += 4) {
    const p = [shot.data[i], shot.data[i + 1], shot.data[i + 2]];
    const key = p.join(',');
    let ok = seen.get(key);
    if (ok === undefined) {
      ok = colours.some((a, x) => colours.some((b, y) => y >= x && near(p, a, b)));
      seen.set(key, ok);
    }
    if (!ok) foreign += 1;
  }
  return foreign / (shot.width * shot.height);
}

/** How many pixels changed from `a` to `b` and are now one of `colours` (compared where the shots overlap). */
export function changedTo(a: Shot, b: Shot, colours: [number, number, number][], tolerance = 3): number {
  const width = Math.min(a.width, b.width);
  const height = Math.min(a.height, b.height);
  let count = 0;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * a.width + x) * 4;
      const j = (y * b.width + x) * 4;
      const same = Math.abs(a.data[i] - b.data[j]) + Math.abs(a.data[i + 1] - b.data[j + 1]) + Math.abs(a.data[i + 2] - b.data[j + 2]) <= tolerance;
      const isColour = colours.some(
        (colour) =>
          Math.abs(b.data[j] - colour[0]) <= tolerance && Math.abs(b.data[j + 1] - colour[1]) <= tolerance && Math.abs(b.data[j + 2] - colour[2]) <= tolerance,
      );
      if (!same && isColour) count += 1;
    }
  }
  return count;
}

// The drawn graph as a standalone SVG file. The page styles its SVG with CSS (theme variables,
// classes), which a file opened elsewhere does not have, so each element's computed style is
// written onto it; patterns and markers defined in another <svg> of the page are copied in.

/** The presentation properties that decide how the graph looks. */
export const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-opacity',
  'opacity',
  'visibility',
  'display',
  'color',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'marker-start',
  'marker-mid',
  'marker-end',
] as const;

/** Positions set in CSS (animated moves): written only where there is one. */
const TRANSFORM_PROPERTIES = ['transform', 'transform-origin', 'transform-box'] as const;

/** `prop: value; …` for the properties that have a value. */
export function styleText(get: (prop: string) => string): string {
  const parts: string[] = [];
  for (const prop of STYLE_PROPERTIES) {
    const value = get(prop).trim();
    if (value !== '') parts.push(`${prop}: ${value}`);
  }
  const transform = get('transform').trim();
  if (transform !== '' && transform !== 'none') {
    for (const prop of TRANSFORM_PROPERTIES) {
      const value = get(prop).trim();
      if (value !== '') parts.push(`${prop}: ${value}`);
    }
  }
  return parts.join('; ');
}

/** The ids named by `url(#id)` in `text`. */
export function referencedIds(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/url\(\s*["']?#([^"')\s]+)["']?\s*\)/g)) if (m[1]) out.add(m[1]);
  return [...out];
}

/** The graph of the current view: the AVC matrix or the pointer graph, whichever is shown. */
export function findGraphSvg(doc: Document): SVGSVGElement | null {
  return doc.querySelector<SVGSVGElement>('svg.forest-graph, svg.pointer-graph');
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The SVG text of `svg` with inline styles, its own size and the page's background. */
export function serializeSvg(svg: SVGSVGElement): { text: string; width: number; height: number } {
  const doc = svg.ownerDocument;
  const view = doc.defaultView;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((el, i) => {
    const copy = copies[i];
    if (!copy || !view) return;
    const computed = view.getComputedStyle(el);
    copy.setAttribute(
      'style',
      styleText((p) => computed.getPropertyValue(p)),
    );
    copy.removeAttribute('class');
  });
  // Patterns and markers the graph uses but another <svg> of the page defines.
  const defs = doc.createElementNS(SVG_NS, 'defs');
  const wanted = referencedIds(new XMLSerializer().serializeToString(clone));
  for (const id of wanted) {
    if (clone.querySelector(`[id="${CSS.escape(id)}"]`)) continue;
    const source = doc.getElementById(id);
    if (source) defs.append(source.cloneNode(true));
  }
  if (defs.childNodes.length > 0) clone.prepend(defs);
  const box = svg.viewBox.baseVal;
  const width = Math.ceil(box && box.width > 0 ? box.width : svg.getBoundingClientRect().width);
  const height = Math.ceil(box && box.height > 0 ? box.height : svg.getBoundingClientRect().height);
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  // an opaque background in the page's colour, so the file reads the same in any viewer
  const background = view?.getComputedStyle(doc.body).backgroundColor ?? '#ffffff';
  const rect = doc.createElementNS(SVG_NS, 'rect');
  rect.setAttribute('width', '100%');
  rect.setAttribute('height', '100%');
  rect.setAttribute('fill', background);
  clone.insertBefore(rect, defs.parentNode === clone ? defs.nextSibling : clone.firstChild);
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
  return { text, width, height };
}

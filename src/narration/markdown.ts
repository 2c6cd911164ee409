// The small, safe markdown subset allowed in scenario narration: paragraphs (blank line),
// line breaks, **bold**, *italic*, `code`, and [links](https://…) to http(s) only. The result
// is plain tokens; the view renders them as React text nodes, never as HTML.
export type Inline =
  | { t: 'text'; s: string }
  | { t: 'strong'; s: string }
  | { t: 'em'; s: string }
  | { t: 'code'; s: string }
  | { t: 'link'; s: string; href: string }
  | { t: 'br' };

export type Paragraph = Inline[];

const SAFE_URL = /^https?:\/\/[^\s<>"']+$/i;
const PATTERN = /\*\*([^*]+)\*\*|\*([^*]+)\*|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)|\n/g;

function inline(src: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of src.matchAll(PATTERN)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ t: 'text', s: src.slice(last, at) });
    if (m[1] !== undefined) out.push({ t: 'strong', s: m[1] });
    else if (m[2] !== undefined) out.push({ t: 'em', s: m[2] });
    else if (m[3] !== undefined) out.push({ t: 'code', s: m[3] });
    else if (m[4] !== undefined && m[5] !== undefined) {
      // Anything but an http(s) URL stays visible as the literal text.
      if (SAFE_URL.test(m[5])) out.push({ t: 'link', s: m[4], href: m[5] });
      else out.push({ t: 'text', s: m[0] });
    } else out.push({ t: 'br' });
    last = at + m[0].length;
  }
  if (last < src.length) out.push({ t: 'text', s: src.slice(last) });
  return out;
}

export function parseNarration(text: string): Paragraph[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map(inline);
}

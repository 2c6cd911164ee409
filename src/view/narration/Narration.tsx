// The narration of the step at the cursor, rendered from the safe markdown subset as React
// text nodes (never HTML): teachers' captions, and the citation of a scenario's source.
import { memo } from 'react';
import type { ReactNode } from 'react';
import type { Scenario } from '../../kernel';
import { parseNarration, type Inline } from '../../narration/markdown';
import { narrationAt } from '../../narration/narrationAt';
import './narration.css';

function renderInline(t: Inline, i: number): ReactNode {
  switch (t.t) {
    case 'text':
      return t.s;
    case 'strong':
      return <strong key={i}>{t.s}</strong>;
    case 'em':
      return <em key={i}>{t.s}</em>;
    case 'code':
      return <code key={i}>{t.s}</code>;
    case 'link':
      return (
        <a key={i} href={t.href} target="_blank" rel="noopener noreferrer">
          {t.s}
        </a>
      );
    case 'br':
      return <br key={i} />;
  }
}

/** Memoized on the text: a caption stays for many steps, parsed once. */
export const NarrationText = memo(function NarrationText({ text }: { text: string }) {
  return (
    <>
      {parseNarration(text).map((p, i) => (
        <p key={i}>{p.map(renderInline)}</p>
      ))}
    </>
  );
});

export interface NarrationProps {
  scenario: Scenario;
  opStarts: readonly number[];
  cursor: number;
}

/** The caption for the cursor, or the scenario's description before its first narrated op. */
export function Narration({ scenario, opStarts, cursor }: NarrationProps) {
  const text = narrationAt(scenario.narration, opStarts, cursor);
  const shown = text ?? (cursor === 0 ? (scenario.description ?? null) : null);
  if (shown === null) return null;
  return (
    <section className="narration" aria-live="polite" data-testid="narration">
      <NarrationText text={shown} />
    </section>
  );
}

/** The link's site, as its text (lore for a message, git.kernel.org for a commit). */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'link';
  }
}

/** Author, date, subject and link of the message a scenario replays. */
export function Citation({ scenario }: { scenario: Scenario }) {
  const s = scenario.source;
  if (!s) return null;
  const head = [s.author, s.date].filter(Boolean).join(', ');
  return (
    <p className="citation" data-testid="citation">
      {head}
      {s.subject && (
        <>
          {head ? ': ' : ''}“{s.subject}”
        </>
      )}
      {s.messageId && <> &lt;{s.messageId}&gt;</>}
      {s.url && (
        <>
          {' '}
          <a href={s.url} target="_blank" rel="noopener noreferrer">
            {hostOf(s.url)}
          </a>
        </>
      )}
    </p>
  );
}

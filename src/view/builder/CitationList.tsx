// A patch's sources as plain text (author, date, subject) with a link where one is known.
import type { Citation } from '../../patches/citations';
import { citationUrl } from '../../patches/citations';

export function CitationList({ cites }: { cites: readonly Citation[] }) {
  return (
    <ul className="citations">
      {cites.map((c) => {
        const url = citationUrl(c);
        const text = `${c.author}, ${c.date}: “${c.subject}”`;
        return (
          <li key={`${c.date}${c.subject}`}>
            {url === null ? (
              text
            ) : (
              <a href={url} target="_blank" rel="noopener noreferrer">
                {text}
              </a>
            )}
            {c.commit !== undefined && c.messageId !== undefined && ` (commit ${c.commit})`}
            {c.commit !== undefined && c.messageId === undefined && ` (${c.commit})`}
          </li>
        );
      })}
    </ul>
  );
}

// The code panel: our own pseudo-code of the kernel function the step at the cursor runs, with
// that step's line highlighted, what the function runs inside, and a link to its definition in
// the era's kernel on elixir.bootlin.com. Text only: step texts are rendered as text.
import { memo } from 'react';
import type { EraId, Flags, Scenario, Step } from '../../kernel';
import { codeEntry, visibleLines } from '../../code/catalog';
import { sourceLink } from '../../code/elixir';
import type { PseudoLine } from '../../code/types';
import { callContext } from './callContext';
import './codePanel.css';

export interface CodePanelProps {
  steps: readonly Step[];
  /** 1-based; 0 = before the first step */
  cursor: number;
  scenario: Scenario;
  era: EraId;
  /** the flags the trace ran under: they pick the era's code paths */
  flags: Flags;
  /** put on the panel's box (whether it is in view) */
  boxRef?: ((el: Element | null) => (() => void) | undefined) | undefined;
}

function CodePanelImpl({ steps, cursor, scenario, era, flags, boxRef }: CodePanelProps) {
  const step = steps[cursor - 1];
  return (
    <section
      ref={boxRef}
      className="code-panel"
      data-testid="code-panel"
      aria-labelledby="code-panel-title"
      data-fn={step?.fn}
      data-line={step?.line}
    >
      <h2 id="code-panel-title" className="code-title">
        Kernel code
      </h2>
      {step ? (
        <StepCode
          steps={steps}
          index={cursor - 1}
          step={step}
          scenario={scenario}
          era={era}
          flags={flags}
        />
      ) : (
        <p className="code-empty">Step forward to see the kernel function each micro-step runs.</p>
      )}
    </section>
  );
}

interface StepCodeProps {
  steps: readonly Step[];
  index: number;
  step: Step;
  scenario: Scenario;
  era: EraId;
  flags: Flags;
}

function StepCode({ steps, index, step, scenario, era, flags }: StepCodeProps) {
  const entry = codeEntry(step.fn);
  const lines = entry ? visibleLines(entry, flags, step.line) : [];
  const current = lines.find((l) => l.id === step.line);
  const ctx = callContext(scenario, steps, index);
  return (
    <>
      <p className="code-fn-row">
        <code className="code-fn" data-testid="code-fn">{`${step.fn}()`}</code>
        <span className="code-op">{ctx.op}</span>
      </p>
      {ctx.path.length > 0 && (
        <p className="code-path">
          <span className="code-path-label">this operation so far: </span>
          {ctx.path.map((fn, i) => (
            <span key={fn}>
              {i > 0 && ' → '}
              <code>{fn}</code>
            </span>
          ))}
          {' → '}
          <code>{step.fn}</code>
        </p>
      )}
      {entry ? (
        <>
          <p className="code-summary">{entry.summary}</p>
          <ol className="code-lines" aria-label={`pseudo-code of ${step.fn}`}>
            {lines.map((l, i) => (
              <CodeLine key={i} line={l} current={l === current} />
            ))}
          </ol>
        </>
      ) : (
        <p className="code-missing">{`No pseudo-code for ${step.fn} (line ${step.line}).`}</p>
      )}
      <SourceRow fn={step.fn} era={era} />
      <p className="code-note">Pseudo-code in our own words, not kernel source.</p>
    </>
  );
}

function CodeLine({ line, current }: { line: PseudoLine; current: boolean }) {
  return (
    <li
      className={`code-line${current ? ' is-current' : ''}${line.id ? '' : ' is-context'}`}
      data-line={line.id}
      aria-current={current ? 'step' : undefined}
      style={{ paddingInlineStart: `${0.5 + (line.depth ?? 0) * 1.25}em` }}
    >
      {current && <span className="visually-hidden">current line: </span>}
      <span className="code-text">{line.text}</span>
    </li>
  );
}

function SourceRow({ fn, era }: { fn: string; era: EraId }) {
  const answer = sourceLink(fn, era);
  if (answer.kind === 'unknown') {
    return <p className="code-source">{`No source location recorded for ${fn}.`}</p>;
  }
  if (answer.kind === 'absent') {
    return <p className="code-source code-absent">{`Not in Linux ${era}: ${answer.why}`}</p>;
  }
  const { link } = answer;
  const where = link.line !== undefined ? `${link.file}:${link.line}` : link.file;
  return (
    <p className="code-source">
      {link.name !== fn && (
        <span className="code-kernel-name">
          {'in the kernel: '}
          <code>{link.name}</code>
          {' · '}
        </span>
      )}
      <code className="code-file" data-testid="code-file">
        {where}
      </code>{' '}
      <a
        className="code-link"
        data-testid="code-source-link"
        href={link.href}
        target="_blank"
        rel="noopener noreferrer"
      >
        {`source at ${link.tag.slice(1)}`}
      </a>
      {link.definitionHref !== undefined && (
        <span className="code-unverified">
          {' · '}
          <a
            data-testid="code-definition-link"
            href={link.definitionHref}
            target="_blank"
            rel="noopener noreferrer"
          >
            {`where ${link.name} is defined in ${link.tag.slice(1)}`}
          </a>{' '}
          (the line was not read here for this version)
        </span>
      )}
      {link.note && <span className="code-src-note">{` — ${link.note}`}</span>}
    </p>
  );
}

/** Memoized: the dock renders it at each step, but it changes only with the cursor it shows. */
export const CodePanel = memo(CodePanelImpl);

// The inspector: the selected object printed like crash/drgn would, at the current step, with the
// related objects as buttons that select them. Reads the playback machine's trace and cursor
// itself, so it can sit in the page's side panel; it computes nothing while nothing is selected.
import { useMemo } from 'react';
import { useAppStore } from '../../store';
import type { Selection } from '../../store/selectionSlice';
import { usePlayhead } from '../playback/playback';
import { describeObject } from './describeObject';
import type { Field } from './describeObject';
import './inspector.css';

const KIND_NAME: Record<Selection['kind'], string> = {
  process: 'process',
  vma: 'VMA',
  anon_vma: 'anon_vma',
  avc: 'anon_vma_chain',
  page: 'page-table entry',
};

function FieldLine({ field, last }: { field: Field; last: boolean }) {
  const select = useAppStore((s) => s.select);
  const { value } = field;
  return (
    <div className="inspector-field">
      <span className="inspector-name">{field.name}</span>
      <span className="inspector-sep">{field.sep === '=' ? ' = ' : ': '}</span>
      {'text' in value ? (
        <span className="inspector-value">{value.text}</span>
      ) : (
        <span className="inspector-refs">
          {'['}
          {value.refs.map((r, i) => (
            <span key={`${r.kind}:${r.id}`}>
              {i > 0 && ', '}
              <button
                type="button"
                className="inspector-ref"
                data-ref-kind={r.kind}
                data-ref-id={r.id}
                aria-label={`select ${KIND_NAME[r.kind]} ${r.id}`}
                onClick={() => select(r)}
              >
                {r.id}
              </button>
            </span>
          ))}
          {']'}
        </span>
      )}
      {!last && <span className="inspector-sep">,</span>}
      {field.note !== undefined && <span className="inspector-note">{` /* ${field.note} */`}</span>}
    </div>
  );
}

export function Inspector() {
  const selected = useAppStore((s) => s.selected);
  const select = useAppStore((s) => s.select);
  const playhead = usePlayhead();
  const trace = playhead?.trace ?? null;
  const cursor = playhead?.cursor ?? 0;
  const description = useMemo(
    () => (selected && trace ? describeObject(trace.stateAt(cursor), selected) : null),
    [selected, trace, cursor],
  );

  return (
    <section className="inspector" aria-label="Inspector" data-testid="inspector">
      <h2 className="inspector-heading">Inspector</h2>
      {!selected || !description ? (
        <p className="inspector-hint">
          Click an object in the graph (or focus it and press Enter) to print its fields.
        </p>
      ) : (
        <>
          <div
            className="inspector-struct"
            data-inspected-kind={selected.kind}
            data-inspected-id={selected.id}
            data-alive={description.alive ? 'true' : 'false'}
          >
            <div className="inspector-title">
              {description.title}
              {description.alive ? ' {' : ''}
            </div>
            {description.alive ? (
              <>
                {description.fields.map((f, i) => (
                  <FieldLine key={f.name} field={f} last={i === description.fields.length - 1} />
                ))}
                <div className="inspector-title">{'}'}</div>
              </>
            ) : (
              <p className="inspector-hint">Not alive at this step.</p>
            )}
          </div>
          <button type="button" className="inspector-close" onClick={() => select(null)}>
            Clear selection
          </button>
        </>
      )}
    </section>
  );
}

// Export of what is shown: the graph as SVG or PNG, the scenario, the final forest and the state
// at the cursor as JSON. Failures are told as notices; nothing changes in the page.
import { downloadBlob, downloadText } from '../../export/download';
import { saveScenarioFile } from '../../app/scenarioFiles';
import { forestText, stepStateText } from '../../export/jsonExport';
import { svgToPng } from '../../export/pngExport';
import { findGraphSvg, serializeSvg } from '../../export/svgExport';
import { slug } from '../../session/scenarioFile';
import type { Session } from '../../session/session';
import { useAppStore } from '../../store';
import { usePlayhead } from '../playback/playback';

function fail(what: string, err: unknown) {
  useAppStore
    .getState()
    .notify(`${what} failed: ${err instanceof Error ? err.message : String(err)}`);
}

export function ExportSection({ session }: { session: Session }) {
  const playhead = usePlayhead();
  const cursor = playhead?.cursor ?? 0;
  const trace = playhead?.trace ?? null;
  const name = `${slug(session.scenario.title)}-${session.era}`;
  const graph = () => {
    const svg = findGraphSvg(document);
    if (!svg) throw new Error('no graph is shown');
    return serializeSvg(svg);
  };
  const svg = () => {
    try {
      downloadText(graph().text, `${name}-step-${cursor}.svg`, 'image/svg+xml');
    } catch (err) {
      fail('SVG export', err);
    }
  };
  const png = async () => {
    try {
      const { text, width, height } = graph();
      downloadBlob(await svgToPng(text, width, height), `${name}-step-${cursor}.png`);
    } catch (err) {
      fail('PNG export', err);
    }
  };
  const scenario = () => saveScenarioFile(useAppStore);
  return (
    <section className="share-section" aria-label="Export">
      <h3>Export</h3>
      <div className="share-row">
        <button type="button" data-testid="export-svg" onClick={svg} disabled={!trace}>
          SVG
        </button>
        <button type="button" data-testid="export-png" onClick={() => void png()} disabled={!trace}>
          PNG
        </button>
        <button type="button" data-testid="export-scenario" onClick={scenario}>
          Scenario JSON
        </button>
        <button
          type="button"
          data-testid="export-forest"
          disabled={!trace}
          title="The forest at the end of the run (anon-vma-forest/forest@1)"
          onClick={() => trace && downloadText(forestText(trace), `${name}-forest.json`)}
        >
          Forest JSON (end)
        </button>
        <button
          type="button"
          data-testid="export-step"
          disabled={!trace}
          title="The objects at this step, as the page draws them"
          onClick={() =>
            trace && downloadText(stepStateText(trace, cursor), `${name}-step-${cursor}.json`)
          }
        >
          {`State at step ${cursor} JSON`}
        </button>
      </div>
    </section>
  );
}

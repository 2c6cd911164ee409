// The share menu's live preview: the embed code's frame in a column of the chosen width, drawn
// smaller to fit the menu. With the host script chosen, the frame follows the height its page
// reports, as embed.js would make it do on the host.
import { useEffect, useRef, useState } from 'react';
import type { CSSProperties } from 'react';
import { EMBED_ASPECT, EMBED_MIN_HEIGHT } from '../../codecs/embedSnippet';
import { useWidth } from '../timeline/useWidth';

export const PREVIEW_WIDTHS = [320, 700, 1000] as const;
const RESIZE = 'anon-vma-forest:resize';

export function EmbedPreview({
  src,
  width,
  followHeight,
}: {
  src: string;
  width: number;
  followHeight: boolean;
}) {
  const box = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const room = useWidth(box, 0);
  const [reported, setReported] = useState<number | null>(null);
  const [stageHeight, setStageHeight] = useState(0);

  useEffect(() => {
    if (!followHeight) return;
    const onMessage = (e: MessageEvent) => {
      if (e.source !== frame.current?.contentWindow || e.origin !== window.location.origin) return;
      const d = e.data as { type?: unknown; height?: unknown } | null;
      if (!d || d.type !== RESIZE || typeof d.height !== 'number' || !Number.isFinite(d.height))
        return;
      setReported(Math.round(Math.min(4000, Math.max(200, d.height))));
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [followHeight]);

  useEffect(() => {
    const el = stage.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setStageHeight(el.offsetHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const scale = room > 0 ? Math.min(1, room / width) : 1;
  const height = followHeight ? reported : null;
  const frameStyle: CSSProperties = {
    display: 'block',
    width: '100%',
    maxWidth: '100%',
    border: 0,
    ...(height === null
      ? { height: 'auto', aspectRatio: EMBED_ASPECT, minHeight: EMBED_MIN_HEIGHT }
      : { height }),
  };
  return (
    <div ref={box} className="embed-preview" data-testid="embed-preview">
      <p className="share-hint">
        {`${width} px wide${scale < 1 ? `, shown at ${Math.round(scale * 100)} %` : ''}`}
      </p>
      <div className="embed-preview-clip" style={{ height: stageHeight * scale }}>
        <div
          ref={stage}
          className="embed-preview-stage"
          style={{ width, transform: `scale(${scale})` }}
        >
          <iframe
            ref={frame}
            src={src}
            title="Preview of the embed"
            data-testid="embed-preview-frame"
            style={frameStyle}
          />
        </div>
      </div>
    </div>
  );
}

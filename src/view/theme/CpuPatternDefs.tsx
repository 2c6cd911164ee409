// One <pattern> per CPU identity, rendered once at the app root so any SVG on the page can fill a
// shape with `cpuPattern(cpu)`. The base is the CPU's theme colour; the marks are drawn in
// --pattern-ink so they stay visible in both themes.
import type { ReactNode } from 'react';
import { CPU_IDENTITIES, cpuColor, cpuPatternId, cpuPatternKind } from './cpuPalette';
import type { CpuPatternKind } from './cpuPalette';

const SIZE = 6;
const ink = { stroke: 'var(--pattern-ink)', strokeWidth: 1.4 } as const;
const dot = { fill: 'var(--pattern-ink)' } as const;

function marks(kind: CpuPatternKind): ReactNode {
  switch (kind) {
    case 'solid':
      return null;
    case 'stripes':
      return <path d={`M0 ${SIZE} L${SIZE} 0`} style={ink} />;
    case 'dots':
      return <circle cx={SIZE / 2} cy={SIZE / 2} r={1.3} style={dot} />;
    case 'crosshatch':
      return <path d={`M0 ${SIZE} L${SIZE} 0 M0 0 L${SIZE} ${SIZE}`} style={ink} />;
    case 'horizontal':
      return <path d={`M0 ${SIZE / 2} H${SIZE}`} style={ink} />;
    case 'vertical':
      return <path d={`M${SIZE / 2} 0 V${SIZE}`} style={ink} />;
    case 'checker':
      return <rect width={SIZE / 2} height={SIZE / 2} style={dot} />;
    case 'rings':
      return <circle cx={SIZE / 2} cy={SIZE / 2} r={1.8} style={{ ...ink, fill: 'none' }} />;
  }
}

export function CpuPatternDefs() {
  const cpus = Array.from({ length: CPU_IDENTITIES }, (_, i) => i);
  return (
    <svg className="cpu-pattern-defs" aria-hidden="true" focusable="false" width="0" height="0">
      <defs>
        {cpus.map((cpu) => (
          <pattern
            key={cpu}
            id={cpuPatternId(cpu)}
            data-pattern={cpuPatternKind(cpu)}
            patternUnits="userSpaceOnUse"
            width={SIZE}
            height={SIZE}
          >
            <rect width={SIZE} height={SIZE} style={{ fill: cpuColor(cpu) }} />
            {marks(cpuPatternKind(cpu))}
          </pattern>
        ))}
      </defs>
    </svg>
  );
}

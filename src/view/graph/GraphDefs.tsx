// Shared SVG definitions of a graph: the arrowhead of list and pointer hops and the hatching of
// migration entries. Ids are fixed: one graph is drawn at a time.
export function GraphDefs() {
  return (
    <defs>
      <marker
        id="avf-arrow"
        viewBox="0 0 10 10"
        refX="9"
        refY="5"
        markerWidth="7"
        markerHeight="7"
        orient="auto-start-reverse"
      >
        <path className="arrowhead" d="M0,0 L10,5 L0,10 z" />
      </marker>
      <pattern
        id="avf-hatch"
        width="5"
        height="5"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect className="hatch-bg" width="5" height="5" />
        <line className="hatch-line" x1="0" y1="0" x2="0" y2="5" />
      </pattern>
    </defs>
  );
}

// No import cycles in src/ (run by `npm run lint`), between files and between the layers (the
// folders right under src/: view/ may import app/, app/ never view/). Follows every relative
// import and re-export that exists at run time (`import type` and all-`type` specifiers are
// erased by TypeScript, so a type-only edge closes no cycle; dynamic `import()` counts), and
// prints each cycle found.
//   node scripts/check-imports.mjs [dir]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(process.argv[2] ?? 'src');

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from, spec) {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ])
    if (/\.(ts|tsx)$/.test(candidate) && existsSync(candidate)) return candidate;
  return null;
}

/** The run-time imports of one file. */
function importsOf(file) {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const out = [];
  const add = (spec) => {
    const to = resolveImport(file, spec);
    if (to) out.push(to);
  };
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause &&
          !clause.name &&
          clause.namedBindings &&
          ts.isNamedImports(clause.namedBindings) &&
          clause.namedBindings.elements.length > 0 &&
          clause.namedBindings.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) add(node.moduleSpecifier.text);
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const typeOnly =
        node.isTypeOnly ||
        (node.exportClause &&
          ts.isNamedExports(node.exportClause) &&
          node.exportClause.elements.length > 0 &&
          node.exportClause.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) add(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      add(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

const files = sourceFiles(root);
const graph = new Map(files.map((f) => [f, importsOf(f)]));

/** Tarjan's strongly connected components: a component of more than one node is a cycle. */
function findCycles(graph) {
  let index = 0;
  const stack = [];
  const onStack = new Set();
  const idx = new Map();
  const low = new Map();
  const cycles = [];
  function strong(v) {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component);
    }
  }
  for (const v of graph.keys()) if (!idx.has(v)) strong(v);
  return cycles;
}

/** One concrete loop through a component, for the message. */
function loopThrough(graph, component) {
  const inside = new Set(component);
  const start = component[0];
  const path = [start];
  const seen = new Set([start]);
  let at = start;
  for (;;) {
    const next = (graph.get(at) ?? []).find((w) => inside.has(w) && (w === start || !seen.has(w)));
    if (!next) return path;
    path.push(next);
    if (next === start) return path;
    seen.add(next);
    at = next;
  }
}

const rel = (f) => relative(process.cwd(), f);
const fileCycles = findCycles(graph);

// The layers: src/<folder>/..., a file right under src/ is a layer of its own; tests aside.
const layerOf = (f) => relative(root, f).split('/')[0];
const layers = new Map();
const example = new Map();
const isTest = (f) => /\.test\.tsx?$/.test(f);
for (const [from, tos] of graph) {
  // a test uses whatever it checks: its imports say nothing of the layers
  if (isTest(from)) continue;
  const a = layerOf(from);
  if (!layers.has(a)) layers.set(a, []);
  for (const to of tos) {
    const b = layerOf(to);
    if (a === b || layers.get(a).includes(b)) continue;
    layers.get(a).push(b);
    example.set(`${a}>${b}`, `${rel(from)} imports ${rel(to)}`);
  }
}
const layerCycles = findCycles(layers);

if (fileCycles.length + layerCycles.length > 0) {
  console.error(`check-imports: import cycles in ${rel(root)}/`);
  for (const c of fileCycles)
    console.error(`  files: ${loopThrough(graph, c).map(rel).join('\n    -> ')}`);
  for (const c of layerCycles) {
    const loop = loopThrough(layers, c);
    console.error(`  layers: ${loop.join(' -> ')}`);
    for (let i = 0; i + 1 < loop.length; i++)
      console.error(`    (${example.get(`${loop[i]}>${loop[i + 1]}`)})`);
  }
  process.exit(1);
}
console.log(`check-imports: ${files.length} files in ${layers.size} layers, no import cycle`);

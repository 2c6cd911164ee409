// An object printed the way crash or drgn would show it: `struct anon_vma av1 { root = av0, ... }`,
// with only the fields the era has and the related objects as references the inspector turns
// into buttons. Pure: reads a ViewState, whose flags (overrides included) decide the fields.
import { avcId, parseAvcId } from '../../kernel';
import type { Flags, ViewAnonVma, ViewPage, ViewState, ViewVma } from '../../kernel';
import type { Selection } from '../../store/selectionSlice';

export type FieldValue = { text: string } | { refs: Selection[] };

export interface Field {
  name: string;
  /** `=` for a value or a pointer, `:` for a list */
  sep: '=' | ':';
  value: FieldValue;
  /** a short note printed as a C comment */
  note?: string;
}

export interface Description {
  /** `struct anon_vma av1` */
  title: string;
  fields: Field[];
  /** false when the selected object does not exist at this step */
  alive: boolean;
}

type EraFlags = Pick<Flags, 'avc' | 'refcount' | 'lockKind' | 'tree' | 'perVmaLock' | 'mmapLock'>;

const text = (name: string, value: string | number, note?: string): Field =>
  note === undefined
    ? { name, sep: '=', value: { text: String(value) } }
    : { name, sep: '=', value: { text: String(value) }, note };
const ref = (name: string, sel: Selection | null): Field =>
  sel ? { name, sep: '=', value: { refs: [sel] } } : text(name, 'NULL');
const list = (name: string, refs: Selection[]): Field => ({ name, sep: ':', value: { refs } });
const av = (id: string): Selection => ({ kind: 'anon_vma', id });
const vma = (id: string): Selection => ({ kind: 'vma', id });
const avc = (id: string): Selection => ({ kind: 'avc', id });

const REFCOUNT_FIELD: Record<Flags['refcount'], string> = {
  ksm: 'ksm_refcount',
  external: 'external_refcount',
  refcount: 'refcount',
};
const LOCK_FIELD: Record<Flags['lockKind'], string> = {
  spinlock: 'lock',
  mutex: 'mutex',
  rwsem: 'rwsem',
};

/** A lock's state: `held W by cpu0, waiting: cpu1`, `unlocked`. */
function lockValue(a: {
  lockedBy?: number[];
  lockMode?: 'w' | 'r' | null;
  waiting?: number[];
}): string {
  const cpus = (l: number[]) => l.map((c) => `cpu${c}`).join(' ');
  const held = a.lockedBy?.length
    ? `held ${a.lockMode === 'r' ? 'R' : 'W'} by ${cpus(a.lockedBy)}`
    : 'unlocked';
  return a.waiting?.length ? `${held}, waiting: ${cpus(a.waiting)}` : held;
}

function anonVma(a: ViewAnonVma, f: EraFlags): Field[] {
  const out: Field[] = [];
  if (a.root !== undefined) out.push(ref('root', av(a.root)));
  if (a.parent !== undefined) out.push(ref('parent', av(a.parent)));
  out.push(text(REFCOUNT_FIELD[f.refcount], a.refcount));
  if (a.degree !== undefined) out.push(text('degree', a.degree));
  if (a.num_children !== undefined) out.push(text('num_children', a.num_children));
  if (a.num_active_vmas !== undefined) out.push(text('num_active_vmas', a.num_active_vmas));
  out.push(text(LOCK_FIELD[f.lockKind], lockValue(a)));
  const head = f.tree === 'interval' ? 'rb_root' : 'head';
  out.push(list(head, f.avc ? a.tree.map((v) => avc(avcId(v, a.id))) : a.tree.map(vma)));
  if (a.refs.length) {
    out.push({
      name: 'references',
      sep: ':',
      value: { text: a.refs.join(', ') },
      note: 'KSM / migration',
    });
  }
  if (a.rcuReaders) {
    out.push({
      name: 'RCU readers',
      sep: ':',
      value: { text: String(a.rcuReaders) },
      note: 'no reference',
    });
  }
  if (a.reused) {
    out.push({
      name: 'reused',
      sep: ':',
      value: { text: a.reused === 1 ? 'once' : `${a.reused} times` },
      note: 'after a free',
    });
  }
  return out;
}

function vmaFields(v: ViewVma, f: EraFlags): Field[] {
  const flags = [
    'VM_READ',
    v.prot === 'rw' ? 'VM_WRITE' : null,
    v.growsdown ? 'VM_GROWSDOWN' : null,
  ];
  const out: Field[] = [
    ref('vm_mm', { kind: 'process', id: v.pid }),
    text('vm_start', v.start, 'in pages'),
    text('vm_end', v.end),
    text('vm_pgoff', v.pgoff),
    text('vm_flags', flags.filter(Boolean).join('|')),
    ref('anon_vma', v.anonVma ? av(v.anonVma) : null),
  ];
  if (f.perVmaLock) out.push(text('vm_lock', lockValue(v), 'the per-VMA lock (6.4 on)'));
  if (f.avc)
    out.push(
      list(
        'anon_vma_chain',
        v.chain.map((a) => avc(avcId(v.id, a))),
      ),
    );
  return out;
}

function pageFields(pg: ViewPage, view: ViewState): Field[] {
  const owner = view.processes.find((p) => p.pid === pg.pid);
  const v = owner?.vmas.find((x) => x.start <= pg.addr && pg.addr < x.end);
  const sharers = view.pages.filter((p) => p.page === pg.page);
  const out: Field[] = [
    ref('vma', v ? vma(v.id) : null),
    text('pte', pg.migration ? `migration entry for page ${pg.page}` : `present, page ${pg.page}`),
    ref('page->mapping', pg.anonVma ? av(pg.anonVma) : null),
  ];
  if (v) out.push(text('page->index', v.pgoff + (pg.addr - v.start)));
  out.push(
    text('page->_mapcount', sharers.filter((p) => !p.migration).length - 1, '+1 = mappings'),
  );
  out.push(
    list(
      'mapped by',
      sharers.map((p) => ({ kind: 'page', id: p.id })),
    ),
  );
  return out;
}

/** The description of `sel` in `view`, or a short one saying it is not alive. */
export function describeObject(view: ViewState, sel: Selection): Description {
  const flags: EraFlags = view.flags;
  const vmas = view.processes.flatMap((p) => p.vmas);
  const dead = (title: string): Description => ({ title, fields: [], alive: false });
  switch (sel.kind) {
    case 'anon_vma': {
      const a = view.anonVmas.find((x) => x.id === sel.id);
      const title = `struct anon_vma ${sel.id}`;
      return a ? { title, fields: anonVma(a, flags), alive: true } : dead(title);
    }
    case 'vma': {
      const v = vmas.find((x) => x.id === sel.id);
      const title = `struct vm_area_struct ${sel.id}`;
      return v ? { title, fields: vmaFields(v, flags), alive: true } : dead(title);
    }
    case 'avc': {
      const ids = parseAvcId(sel.id);
      const v = vmas.find((x) => x.id === ids?.vma);
      const a = view.anonVmas.find((x) => x.id === ids?.anonVma);
      const title = `struct anon_vma_chain ${sel.id}`;
      const at = v && ids ? v.chain.indexOf(ids.anonVma) : -1;
      if (!v || at < 0) return dead(title);
      const inTree = a ? a.tree.indexOf(v.id) : -1;
      const treeName = flags.tree === 'interval' ? 'rb' : 'same_anon_vma';
      return {
        title,
        alive: true,
        fields: [
          ref('vma', vma(v.id)),
          ref('anon_vma', a ? av(a.id) : null),
          text('same_vma', `entry ${at + 1} of ${v.chain.length}`, 'head first, root last'),
          text(
            treeName,
            inTree >= 0 && a ? `entry ${inTree + 1} of ${a.tree.length}` : 'not linked',
          ),
        ],
      };
    }
    case 'page': {
      const pg = view.pages.find((p) => p.id === sel.id);
      const title = pg ? `pte ${sel.id} → struct page ${pg.page}` : `pte ${sel.id}`;
      return pg ? { title, fields: pageFields(pg, view), alive: true } : dead(title);
    }
    case 'process': {
      const p = view.processes.find((x) => x.pid === sel.id);
      const title = `struct mm_struct ${sel.id}`;
      if (!p) return dead(title);
      const fields: Field[] = [];
      if (p.parent !== null) fields.push(ref('parent', { kind: 'process', id: p.parent }));
      fields.push(text(flags.mmapLock ? 'mmap_lock' : 'mmap_sem', lockValue(p)));
      fields.push(
        list(
          'mmap',
          p.vmas.map((v) => vma(v.id)),
        ),
      );
      return { title, fields, alive: true };
    }
  }
}

/** One line of plain text per field (tests, copy to clipboard). */
export function describeAsText(d: Description): string {
  const value = (v: FieldValue) =>
    'text' in v ? v.text : `[${v.refs.map((r) => r.id).join(', ')}]`;
  const body = d.fields.map((f) => `${f.name}${f.sep === '=' ? ' = ' : ': '}${value(f.value)}`);
  return `${d.title} { ${body.join(', ')} }`;
}

// The lkml messages and commits the flags come from: author, date, subject, and a link where the
// Message-ID or commit is known. Plain data; the page renders it as text.

export interface Citation {
  author: string;
  /** YYYY-MM-DD, or YYYY-MM / YYYY where the day is not known */
  date: string;
  subject: string;
  messageId?: string;
  /** abbreviated commit id in Linus's tree */
  commit?: string;
}

/** Where a citation can be read: lore for a Message-ID, else the commit on git.kernel.org. */
export function citationUrl(c: Citation): string | null {
  if (c.messageId) return `https://lore.kernel.org/all/${c.messageId}/`;
  if (c.commit) {
    return `https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/commit/?id=${c.commit}`;
  }
  return null;
}

const RIK = 'Rik van Riel';
const ANDREA = 'Andrea Arcangeli';

export const CITES = {
  anonVmaChain: {
    author: RIK,
    date: '2010-03-05',
    subject: 'mm: change anon_vma linking to fix multi-process server scalability issue',
    commit: '5beb49305251',
  },
  seriesCover: {
    author: RIK,
    date: '2010-05-12',
    subject: '[PATCH 0/5] always lock the root anon_vma',
    messageId: '20100512133815.0d048a86@annuminas.surriel.com',
  },
  trackRoot: {
    author: RIK,
    date: '2010-05-12',
    subject: '[PATCH 3/5] track the root (oldest) anon_vma',
    messageId: '20100512133958.3aff0515@annuminas.surriel.com',
  },
  trackRootMerged: {
    author: RIK,
    date: '2010-08-09',
    subject: 'mm: track the root (oldest) anon_vma',
    commit: '5c341ee1dfc8',
  },
  rootLockMerged: {
    author: RIK,
    date: '2010-08-09',
    subject: 'mm: always lock the root (oldest) anon_vma',
    commit: '012f18004da3',
  },
  rootLockV2: {
    author: RIK,
    date: '2010-05-13',
    subject: '[PATCH -v2 4/5] always lock the root (oldest) anon_vma',
  },
  pinRootMerged: {
    author: RIK,
    date: '2010-08-09',
    subject: 'mm: extend KSM refcounts to the anon_vma root',
    commit: '76545066c852',
  },
  allLocks: {
    author: ANDREA,
    date: '2010-05-20',
    subject: '[PATCH 6/5] adjust mm_take_all_locks to anon-vma-root locking',
  },
  tailInsert: {
    author: ANDREA,
    date: '2010-08-09',
    subject: 'rmap: always add new vmas at the end',
    commit: '26ba0cb63cb8',
  },
  lockDance: {
    author: 'Mel Gorman',
    date: '2010-04-26',
    subject:
      '[PATCH 2/2] mm,migration: Prevent rmap_walk_[anon|ksm] seeing the wrong VMA information',
    messageId: '1272321478-28481-3-git-send-email-mel@csn.ul.ie',
  },
  lockDeepest: {
    author: 'Linus Torvalds',
    date: '2010-05-05',
    subject:
      'Re: [PATCH 1/2] mm,migration: Prevent rmap_walk_[anon|ksm] seeing the wrong VMA information',
    messageId: 'alpine.LFD.2.00.1005051007140.27218@i5.linux-foundation.org',
  },
  ksmDrop: {
    author: 'Linus Torvalds',
    date: '2010-05-12',
    subject: 'Re: [PATCH 4/5] always lock the root (oldest) anon_vma',
  },
  locklessWalk: {
    author: 'Linus Torvalds',
    date: '2012-12-01',
    subject: "Re: [RFC PATCH] mm/migration: Don't lock anon vmas in rmap_walk_anon()",
  },
  rwsem: {
    author: 'Ingo Molnar',
    date: '2012-12-02',
    subject: 'mm/rmap: Convert the struct anon_vma::mutex to an rwsem',
    commit: '5a505085f043',
  },
  mutex: {
    author: 'Peter Zijlstra',
    date: '2011',
    subject: 'mm: convert anon_vma->lock to a mutex',
    commit: '2b575eb64f7a',
  },
  chainCap: {
    author: 'Michel Lespinasse',
    date: '2014-11-19',
    subject:
      'reply on the endless growth of the anon_vma hierarchy (a chain cap with a magic constant)',
  },
  reuseDegree: {
    author: 'Konstantin Khlebnikov',
    date: '2014-11-26',
    subject: 'mm: prevent endless growth of anon_vma hierarchy',
    messageId: '20141126191145.3089.90947.stgit@zurg',
  },
  reuseNumChildren: {
    author: 'Jann Horn',
    date: '2022-09-02',
    subject: 'mm/rmap: Fix anon_vma->degree ambiguity leading to double-reuse',
    commit: '2555283eb40d',
  },
  intervalTree: {
    author: 'Michel Lespinasse',
    date: '2012-10-08',
    subject: 'mm anon rmap: replace same_anon_vma linked list with an interval tree',
    commit: 'bf181b9f9d8d',
  },
  expandWrite: {
    author: 'Linus Torvalds',
    date: '2023-06',
    subject: 'mm: always expand the stack with the mmap write lock held',
  },
  lockRecheck: {
    author: 'Hugh Dickins',
    date: '2010-08-25',
    subject: 'mm: fix hang on anon_vma->root->lock',
    commit: 'f18194275c39',
  },
  moveRmapLocks: {
    author: 'Michel Lespinasse',
    date: '2012-10-08',
    subject: 'mm: avoid taking rmap locks in move_ptes()',
    commit: '38a76013ad80',
  },
  externalRefcount: {
    author: 'Mel Gorman',
    date: '2010-05',
    subject: 'mm: share the anon_vma ref counts between KSM and page migration',
    commit: '7f60c214fd3a',
  },
  simpleRefcount: {
    author: 'Peter Zijlstra',
    date: '2011',
    subject: 'mm: simplify anon_vma refcounts',
  },
  batchLock: {
    author: 'Linus Torvalds',
    date: '2011',
    subject: 'mm: avoid repeated anon_vma lock/unlock sequences in anon_vma_clone()',
  },
  mmapLock: {
    author: 'Michel Lespinasse',
    date: '2020-06',
    subject: 'mmap locking API: rename mmap_sem to mmap_lock',
  },
  munmapDowngrade: {
    author: 'Yang Shi',
    date: '2018-10',
    subject: 'mm: mmap: zap pages with read mmap_sem in munmap',
  },
  perVmaLock: {
    author: 'Suren Baghdasaryan',
    date: '2023-02',
    subject: 'Per-VMA locks',
  },
  chainAssign: {
    author: 'Linux 6.12.113 stable update',
    date: '2026-10',
    subject: 'mm/rmap: allocate anon_vma_chain objects unlocked when possible',
  },
  removeVmaAdjust: {
    author: 'Liam R. Howlett',
    date: '2023-01',
    subject: 'mm: remove vma_adjust()',
  },
  removeVmaMerge: {
    author: 'Lorenzo Stoakes',
    date: '2024-08',
    subject: 'mm: remove vma_merge()',
  },
  folios: {
    author: 'Matthew Wilcox (Oracle)',
    date: '2021-11',
    subject: 'Memory folios',
  },
  childFirstFree: {
    author: 'Andrey Ryabinin',
    date: '2014-06-06',
    subject: 'mm: rmap: fix use-after-free in __put_anon_vma',
    commit: '624483f3ea82',
  },
} satisfies Record<string, Citation>;

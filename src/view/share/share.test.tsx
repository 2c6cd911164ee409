import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../scenarios';
import { createSession } from '../../session/session';
import { useAppStore } from '../../store';
import { NoticeItems, NoticeList } from './NoticeList';
import { SharePanel } from './SharePanel';

afterEach(() => useAppStore.setState({ notices: [] }));

describe('NoticeList', () => {
  it('renders nothing without notices', () => {
    expect(renderToStaticMarkup(<NoticeList />)).toBe('');
  });

  it('renders notices as text, errors as alerts, with a dismiss button', () => {
    useAppStore.getState().notify('Bad <b>link</b> & more');
    useAppStore.getState().notify('Opened it.', 'info');
    const { notices } = useAppStore.getState();
    const html = renderToStaticMarkup(<NoticeItems notices={notices} onDismiss={() => {}} />);
    expect(html).toContain('role="alert"');
    expect(html).toContain('role="status"');
    expect(html).toContain('Bad &lt;b&gt;link&lt;/b&gt; &amp; more');
    expect(html).not.toContain('<b>');
    expect(html).toMatch(/aria-label="Dismiss"/);
  });

  it('keeps the same sentence once and at most five', () => {
    for (let i = 0; i < 8; i++) useAppStore.getState().notify(`n${i % 6}`);
    expect(useAppStore.getState().notices.map((n) => n.text)).toEqual([
      'n3',
      'n4',
      'n5',
      'n0',
      'n1',
    ]);
  });
});

describe('SharePanel', () => {
  it('is a closed disclosure whose contents mount only when opened', () => {
    const b = builtinScenarios[0]!;
    const html = renderToStaticMarkup(
      <SharePanel session={createSession(b.id, b.scenario, null)} />,
    );
    expect(html).toMatch(/^<details class="share-menu" data-testid="share-menu">/);
    expect(html).toContain('<summary data-testid="share-toggle">Share &amp; files</summary>');
    expect(html).not.toContain('share-url');
  });
});

// The `?` popover listing the keyboard shortcuts (from the same table the key handler uses).
// Whether it is open lives in the store: the keyboard dispatcher opens and closes it too.
import { useEffect, useId, useRef } from 'react';
import { useAppStore } from '../../store';
import { PRESENTER_SHORTCUTS, SHORTCUTS } from '../keyboard/shortcuts';
import { ZOOM_SHORTCUTS } from '../zoom/zoomKeys';

export function ShortcutHelp() {
  const open = useAppStore((s) => s.helpOpen);
  const setHelpOpen = useAppStore((s) => s.setHelpOpen);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  // Closed from the keyboard (Escape): the focus goes back to the button, not to the page.
  const wasOpen = useRef(open);
  useEffect(() => {
    const active = document.activeElement;
    if (wasOpen.current && !open && (active === document.body || panel.current?.contains(active)))
      button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <div className="shortcut-help">
      <button
        ref={button}
        type="button"
        data-testid="shortcuts-button"
        aria-expanded={open}
        aria-controls={id}
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        onClick={() => setHelpOpen(!open)}
      >
        ?
      </button>
      <div
        ref={panel}
        id={id}
        className="shortcut-panel"
        role="dialog"
        aria-label="Keyboard shortcuts"
        data-testid="shortcuts"
        hidden={!open}
      >
        <table>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.label}>
                <th scope="row">
                  <kbd>{s.label}</kbd>
                </th>
                <td>{s.does}</td>
              </tr>
            ))}
            {PRESENTER_SHORTCUTS.map((s) => (
              <tr key={s.label}>
                <th scope="row">
                  <kbd>{s.label}</kbd>
                </th>
                <td>{s.does}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">
                <kbd>?</kbd>
              </th>
              <td>This help (Esc closes)</td>
            </tr>
            <tr>
              <th scope="rowgroup" colSpan={2} className="shortcut-group">
                With the graph focused (click it or Tab to it)
              </th>
            </tr>
            {ZOOM_SHORTCUTS.map((s) => (
              <tr key={`zoom ${s.label}`}>
                <th scope="row">
                  <kbd>{s.label}</kbd>
                </th>
                <td>{s.does}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

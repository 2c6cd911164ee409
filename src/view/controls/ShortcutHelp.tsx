// The `?` popover listing the keyboard shortcuts (from the same table the key handler uses).
import { useEffect, useId, useRef, useState } from 'react';
import { HELP_KEY, ignoresKey, PRESENTER_SHORTCUTS, SHORTCUTS } from './shortcuts';

export function ShortcutHelp() {
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (ignoresKey(e, e.target as HTMLElement | null)) return;
      if (e.key === HELP_KEY) {
        e.preventDefault();
        setOpen((o) => !o);
      } else if (e.key === 'Escape') {
        setOpen((o) => {
          if (o) button.current?.focus();
          return false;
        });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
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
        onClick={() => setOpen((o) => !o)}
      >
        ?
      </button>
      <div
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
          </tbody>
        </table>
      </div>
    </div>
  );
}

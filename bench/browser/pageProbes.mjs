// Functions that run inside the page (passed to page.evaluate, so each is self-contained).
// "Frame cost" is measured from the start of a frame's requestAnimationFrame callback to a
// MessageChannel message posted from it, which runs right after that frame's rendering work
// (style, layout, paint) on the main thread; "frame interval" is the time between two frames.

/** Moves the step slider through every step, one step per frame. */
export function scrubProbe() {
  const input = document.querySelector('[data-testid="step-slider"]');
  if (!(input instanceof HTMLInputElement)) throw new Error('no step slider');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const total = Number(input.max);
  const intervals = [];
  const costs = [];
  return new Promise((resolve) => {
    let i = 0;
    let last = null;
    let frameStart = 0;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => costs.push(performance.now() - frameStart);
    const frame = (ts) => {
      if (last !== null) intervals.push(ts - last);
      last = ts;
      if (i > total) {
        channel.port1.close();
        resolve({ total, intervals, costs });
        return;
      }
      frameStart = performance.now();
      // React listens to `input`; the native setter makes it see a user's change.
      setValue.call(input, String(i));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      i += 1;
      channel.port2.postMessage(0);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

/**
 * Records, for each ArrowRight key press, the time from the keydown event's timestamp to just
 * after the first frame painted once the step counter changed. Results go to window.__latency.
 */
export function installLatencyProbe() {
  const w = window;
  w.__latency = [];
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== 'ArrowRight') return;
      const t0 = e.timeStamp;
      const out = document.querySelector('[data-testid="step-count"]');
      if (!out) return;
      const observer = new MutationObserver(() => {
        observer.disconnect();
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            w.__latency.push(performance.now() - t0);
            channel.port1.close();
          };
          channel.port2.postMessage(0);
        });
      });
      observer.observe(out, { characterData: true, childList: true, subtree: true });
    },
    { capture: true },
  );
}

/**
 * Pans and zooms the graph pane with synthetic wheel and mouse-drag events, one per frame, for
 * `ms` milliseconds each, and reports frame intervals and costs per gesture.
 */
export function panZoomProbe(ms) {
  const pane = document.querySelector('[data-testid="graph-pane"]');
  if (!pane) throw new Error('no graph pane');
  const r = pane.getBoundingClientRect();
  const cx = r.left + r.width / 2;
  const cy = r.top + r.height / 2;
  const mouse = (type, x, y, target) =>
    target.dispatchEvent(
      new MouseEvent(type, {
        bubbles: true,
        cancelable: true,
        view: window,
        clientX: x,
        clientY: y,
        button: 0,
        buttons: type === 'mouseup' ? 0 : 1,
      }),
    );
  const run = (gesture) =>
    new Promise((resolve) => {
      const intervals = [];
      const costs = [];
      let last = null;
      let n = 0;
      let frameStart = 0;
      const start = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => costs.push(performance.now() - frameStart);
      if (gesture === 'drag') mouse('mousedown', cx, cy, pane);
      const frame = (ts) => {
        if (last !== null) intervals.push(ts - last);
        last = ts;
        if (performance.now() - start > ms) {
          if (gesture === 'drag') mouse('mouseup', cx, cy, window);
          channel.port1.close();
          resolve({ intervals, costs, seconds: (performance.now() - start) / 1000, frames: n });
          return;
        }
        frameStart = performance.now();
        n += 1;
        if (gesture === 'wheel') {
          // Zoom out for a while, then in again: about 0.5x to 2x around the centre.
          const dir = Math.floor(n / 30) % 2 === 0 ? 1 : -1;
          pane.dispatchEvent(
            new WheelEvent('wheel', {
              bubbles: true,
              cancelable: true,
              view: window,
              clientX: cx,
              clientY: cy,
              deltaY: 40 * dir,
              deltaMode: 0,
            }),
          );
        } else {
          // A circle of radius 150 px, one turn every 2 s.
          const a = (n / 120) * 2 * Math.PI;
          mouse('mousemove', cx + 150 * Math.cos(a), cy + 150 * Math.sin(a), window);
        }
        channel.port2.postMessage(0);
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
  return run('wheel').then((wheel) => run('drag').then((drag) => ({ wheel, drag })));
}

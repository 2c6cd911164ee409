// anon-vma-forest host script: one line in a page that embeds the visualizer,
//   <script src="https://example.org/anon-vma-forest/embed.js" async></script>
// sizes each embedded frame to the height the frame reports in its `anon-vma-forest:resize`
// message. It listens only to frames of its own origin (the origin it was loaded from), reads a
// number and nothing else from the message, keeps the height within bounds, and changes nothing
// but the frame's height. Plain JavaScript, no eval, no build step.
(function () {
  'use strict';
  var TYPE = 'anon-vma-forest:resize';
  var MIN = 200;
  var MAX = 4000;
  var script = document.currentScript;
  var origin;
  try {
    origin = new URL(script && script.src ? script.src : location.href).origin;
  } catch (_e) {
    return;
  }
  if (window.__anonVmaForestEmbed === origin) return; // pasted twice: one listener is enough
  window.__anonVmaForestEmbed = origin;

  /** The iframe whose window sent `source`, if it shows a page of our origin. */
  function frameOf(source) {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== source) continue;
      try {
        return new URL(frame.src, location.href).origin === origin ? frame : null;
      } catch (_e) {
        return null;
      }
    }
    return null;
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== TYPE) return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height)) return;
    var frame = frameOf(event.source);
    if (!frame) return;
    var px = Math.round(Math.min(MAX, Math.max(MIN, height)));
    // an explicit height: the snippet's aspect ratio and its floor no longer apply
    frame.style.aspectRatio = 'auto';
    frame.style.minHeight = '0';
    frame.style.height = px + 'px';
    frame.setAttribute('data-anon-vma-forest-height', String(px));
  });
})();

// The host side of the anon-vma-forest postMessage protocol (see the README). Plain JavaScript
// with no build step, so a blog can copy it as it is.
//   embed-example.html?app=https://example.org/anon-vma-forest/&src=?scenario=race-8.1%26embed=1
(function () {
  'use strict';
  var PREFIX = 'anon-vma-forest:';
  var params = new URLSearchParams(location.search);
  var app = new URL(params.get('app') || './', location.href);
  if (app.protocol !== 'http:' && app.protocol !== 'https:') throw new Error('app must be http(s)');
  var appOrigin = app.origin;
  var frame = document.getElementById('forest');
  var src = new URL(app.href);
  src.search = params.get('src') || '?scenario=fork-and-cow&embed=1';
  frame.src = src.href;

  /** A small scenario of our own, sent with the `load` message (Contract 1). */
  var SCENARIO = {
    format: 'anon-vma-forest/scenario@1',
    title: 'Embedded: fork, then the child writes',
    era: '6.1',
    ops: [
      { op: 'spawn', pid: 'P' },
      { op: 'mmap', pid: 'P', addr: 0, pages: 2 },
      { op: 'touch', pid: 'P', addr: 0, write: true },
      { op: 'fork', pid: 'P', child: 'C' },
      { op: 'touch', pid: 'C', addr: 0, write: true },
    ],
  };

  function send(message) {
    // to the app's origin only: the frame may have been navigated elsewhere
    frame.contentWindow.postMessage(message, appOrigin);
  }

  function show(id, value) {
    document.getElementById(id).textContent = value;
  }

  window.addEventListener('message', function (event) {
    if (event.source !== frame.contentWindow || event.origin !== appOrigin) return;
    var msg = event.data;
    if (!msg || typeof msg.type !== 'string' || msg.type.indexOf(PREFIX) !== 0) return;
    var item = document.createElement('li');
    item.dataset.type = msg.type.slice(PREFIX.length);
    item.textContent = JSON.stringify(msg); // as text: never HTML
    document.getElementById('events').append(item);
    if (msg.type === PREFIX + 'state') show('state', JSON.stringify(msg));
    if (msg.type === PREFIX + 'error') show('error', String(msg.message));
    if (msg.type === PREFIX + 'resize' && typeof msg.height === 'number' && msg.height > 0) {
      var height = Math.min(Math.ceil(msg.height), 5000);
      frame.style.height = height + 'px';
      show('height', String(height));
    }
  });

  document.getElementById('load').addEventListener('click', function () {
    send({ type: PREFIX + 'load', scenario: SCENARIO });
  });
  document.getElementById('goto').addEventListener('click', function () {
    send({ type: PREFIX + 'goto', step: Number(document.getElementById('step').value) });
  });
  document.getElementById('play').addEventListener('click', function () {
    send({ type: PREFIX + 'play' });
  });
  document.getElementById('pause').addEventListener('click', function () {
    send({ type: PREFIX + 'pause' });
  });
})();

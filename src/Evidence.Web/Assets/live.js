// Live updates: when the server says the workspace changed, fetch this page again and swap its <main>,
// unless the reader is typing in a form (their input must not be lost).
(function () {
  if (!window.EventSource) { return; }
  var status = function (text) { var el = document.getElementById('live-status'); if (el) { el.textContent = text; } };
  var busy = function () {
    var el = document.activeElement;
    return el && (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT' || el.tagName === 'SELECT');
  };
  var refresh = function () {
    if (busy()) { status('The workspace changed; reload to see it.'); return; }
    fetch(window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (text) {
        if (!text) { return; }
        var next = new DOMParser().parseFromString(text, 'text/html').getElementById('main');
        var main = document.getElementById('main');
        if (next && main) { main.replaceWith(next); document.title = new DOMParser().parseFromString(text, 'text/html').title; }
        status('Updated ' + new Date().toLocaleTimeString() + '.');
      });
  };
  var source = new EventSource('/events');
  source.addEventListener('change', refresh);
  // data-live says whether the stream is open, for people's tools and the browser tests alike.
  source.onopen = function () { document.documentElement.setAttribute('data-live', 'open'); };
  source.onerror = function () { document.documentElement.setAttribute('data-live', 'retrying'); status('Live updates paused; retrying.'); };
})();

// The dashboard's only script, served by the dashboard itself. Values from the engine are always set
// with textContent, never as HTML. The token is kept in this tab's sessionStorage and sent in the
// X-Ouroboros-Token header; the browser never sends it on its own (no cookie).
(function () {
  'use strict';
  var TOKEN_KEY = 'ouroboros-token';

  function takeTokenFromFragment() {
    // http://127.0.0.1:PORT/#token=... : the fragment never leaves the browser.
    var m = /^#token=([A-Za-z0-9_-]+)$/.exec(window.location.hash);
    if (m) {
      sessionStorage.setItem(TOKEN_KEY, m[1]);
      history.replaceState(null, '', window.location.pathname);
    }
  }

  function text(id, value) {
    var el = document.getElementById(id);
    if (el) { el.textContent = value === null || value === undefined ? '–' : String(value); }
  }

  function renderStatus(s) {
    text('phase', s.phase);
    text('cycles', s.cyclesCompleted);
    text('pending', s.pending);
    var c = s.cycle;
    if (c) {
      text('cycle-id', c.id);
      text('cycle-state', c.running ? '(running since ' + c.startedAt + ')' : '(ended)');
      text('cycle-region', c.region || '–');
      text('cycle-why', c.why ? '(' + c.why + ')' : '');
      text('cycle-generated', c.generated);
      text('best-speedup', c.bestSpeedup === null ? '–' : c.bestSpeedup.toFixed(2) + 'x');
      text('cycle-outcome', c.outcome ? c.outcome + ': ' + c.message + ' (' + c.seconds + ' s)' : '');
      var body = document.querySelector('#gates tbody');
      body.textContent = '';
      c.gates.forEach(function (g) {
        var tr = document.createElement('tr');
        [g.gate, g.reached, g.passed].forEach(function (v) {
          var td = document.createElement('td');
          td.textContent = String(v);
          tr.appendChild(td);
        });
        body.appendChild(tr);
      });
    }
    var events = document.getElementById('events');
    events.textContent = '';
    s.events.forEach(function (e) {
      var li = document.createElement('li');
      li.textContent = e.at + '  ' + e.text;
      events.appendChild(li);
    });
    text('refreshed', 'refreshed ' + new Date().toLocaleTimeString());
  }

  function poll() {
    fetch('/api/status', { cache: 'no-store' })
      .then(function (r) { return r.json(); })
      .then(renderStatus)
      .catch(function (e) { text('refreshed', 'engine not reachable: ' + e); })
      .finally(function () { setTimeout(poll, 1000); });
  }

  function decide(button, action) {
    var token = document.getElementById('token').value.trim();
    var section = button.closest('.approval');
    var form = new URLSearchParams();
    if (action === 'reject') { form.set('reason', section.querySelector('.reason').value || 'rejected on the dashboard'); }
    var result = document.getElementById('result');
    fetch('/api/approvals/' + encodeURIComponent(button.dataset.id) + '/' + action, {
      method: 'POST',
      headers: { 'X-Ouroboros-Token': token },
      body: form
    }).then(function (r) {
      return r.text().then(function (body) {
        result.textContent = body;
        result.className = r.ok ? 'done' : 'refused';
        if (r.ok) {
          sessionStorage.setItem(TOKEN_KEY, token);
          section.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
          section.classList.add('decided');
        }
      });
    }).catch(function (e) {
      result.textContent = 'request failed: ' + e;
      result.className = 'refused';
    });
  }

  function fillToken() {
    takeTokenFromFragment();
    var tokenInput = document.getElementById('token');
    if (tokenInput) { tokenInput.value = sessionStorage.getItem(TOKEN_KEY) || ''; }
  }

  // A #token=... typed into a tab that already shows the page changes only the fragment: no reload.
  window.addEventListener('hashchange', fillToken);

  document.addEventListener('DOMContentLoaded', function () {
    fillToken();
    document.querySelectorAll('button.approve').forEach(function (b) {
      b.addEventListener('click', function () { decide(b, 'approve'); });
    });
    document.querySelectorAll('button.reject').forEach(function (b) {
      b.addEventListener('click', function () { decide(b, 'reject'); });
    });
    var form = document.getElementById('token-form');
    if (form) { form.addEventListener('submit', function (e) { e.preventDefault(); }); }
    if (document.getElementById('live')) { poll(); }
  });
})();

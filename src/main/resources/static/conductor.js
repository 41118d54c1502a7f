// The run pages' script. Live view of a run that has not ended (/runs/{id}): a running step's log
// grows every 2 s, and the page reloads when a step or the run ends, so that its record is shown as
// kept. Text only: the log is appended as a text node, never as HTML.
(function () {
  'use strict';
  // Times come in UTC (and stay so in the title, shown on hover); the text is the viewer's own zone.
  function two(n) { return (n < 10 ? '0' : '') + n; }
  Array.prototype.forEach.call(document.querySelectorAll('time[datetime]'), function (time) {
    var at = new Date(time.getAttribute('datetime'));
    if (isNaN(at.getTime())) {
      return;
    }
    var zone = new Intl.DateTimeFormat([], {timeZoneName: 'short'}).formatToParts(at)
      .filter(function (part) { return part.type === 'timeZoneName'; }).map(function (part) { return part.value; });
    time.textContent = at.getFullYear() + '-' + two(at.getMonth() + 1) + '-' + two(at.getDate()) + ' '
      + two(at.getHours()) + ':' + two(at.getMinutes()) + ':' + two(at.getSeconds()) + (zone.length ? ' ' + zone[0] : '');
  });
  // A log tail is read from its end: its last lines say how the step ended.
  Array.prototype.forEach.call(document.querySelectorAll('pre.tail'), function (pre) {
    pre.scrollTop = pre.scrollHeight;
  });
  var run = document.querySelector('[data-live]');
  if (!run) {
    return;
  }
  var tails = Array.prototype.slice.call(document.querySelectorAll('pre[data-tail]'));
  var offsets = new Map();
  var seen = null;

  function getJson(url) {
    return fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then(function (r) { return r.ok ? r.json() : null; });
  }

  function signature(detail) {
    return detail.steps.map(function (s) { return s.id + s.status; }).join() + '|' + (detail.run.endedAt || '');
  }

  function followTail(pre) {
    var from = offsets.get(pre);
    return getJson(pre.dataset.tail + (from === undefined ? '' : '?from=' + from)).then(function (piece) {
      if (!piece) {
        return true;
      }
      if (piece.text) {
        var atBottom = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 4;
        pre.append(piece.text);
        if (atBottom) {
          pre.scrollTop = pre.scrollHeight;
        }
      }
      offsets.set(pre, piece.next);
      return piece.running;
    });
  }

  function poll() {
    Promise.all(tails.map(followTail)).then(function (running) {
      if (running.indexOf(false) >= 0) {
        location.reload();
        return null;
      }
      return getJson(run.dataset.live);
    }).then(function (detail) {
      if (detail) {
        var now = signature(detail);
        if (seen !== null && now !== seen) {
          location.reload();
          return;
        }
        seen = now;
      }
      setTimeout(poll, 2000);
    }).catch(function () {
      setTimeout(poll, 5000);
    });
  }

  poll();
})();

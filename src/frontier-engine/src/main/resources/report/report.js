
/* frontier report: sortable tables, chart tooltips and the item explorer. Item text is only ever set with
   textContent or text nodes, never parsed as HTML. Allowed by its hash in the page's Content-Security-Policy. */
(function () {
  'use strict';

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }
  function fmt(v) { return v === null || v === undefined ? '–' : v.toFixed(3); }
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  /* ---- sortable tables: numbers from data-sort, text otherwise; empty values always last ---- */
  function sortKey(cell, type) {
    var v = cell.getAttribute('data-sort');
    if (v === null) { v = cell.textContent.trim(); }
    if (v === '') { return null; }
    if (type === 'num') {
      var n = parseFloat(v);
      return isNaN(n) ? null : n;
    }
    return v.toLowerCase();
  }
  each(document.querySelectorAll('table.sortable'), function (table) {
    var heads = table.tHead.rows[0].cells;
    each(heads, function (th, index) {
      var button = th.querySelector('button');
      if (!button) { return; }
      button.addEventListener('click', function () {
        var type = th.getAttribute('data-type') || 'text';
        var asc = th.getAttribute('aria-sort') !== 'ascending';
        each(heads, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var keyed = Array.prototype.map.call(body.rows, function (row, i) {
          return { row: row, key: sortKey(row.cells[index], type), i: i };
        });
        keyed.sort(function (a, b) {
          if (a.key === null || b.key === null) {
            return (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0) || a.i - b.i;
          }
          var c = type === 'num' ? a.key - b.key : a.key.localeCompare(b.key);
          return (asc ? c : -c) || a.i - b.i;
        });
        keyed.forEach(function (k) { body.appendChild(k.row); });
      });
    });
  });

  /* ---- chart tooltips: the point's <title> text, shown at once and styled ---- */
  var chart = document.getElementById('pareto');
  if (chart) {
    var tip = el('div', 'tip');
    tip.setAttribute('role', 'tooltip');
    tip.hidden = true;
    chart.appendChild(tip);
    var place = function (e) {
      var box = chart.getBoundingClientRect();
      var x = e.clientX - box.left + 14;
      var y = e.clientY - box.top + 14;
      if (x + tip.offsetWidth > box.width) { x = Math.max(0, e.clientX - box.left - tip.offsetWidth - 14); }
      if (y + tip.offsetHeight > box.height) { y = Math.max(0, e.clientY - box.top - tip.offsetHeight - 14); }
      tip.style.left = x + 'px';
      tip.style.top = y + 'px';
    };
    each(chart.querySelectorAll('g.pt'), function (g) {
      var title = g.querySelector('title');
      if (!title) { return; }
      var text = title.textContent;
      g.removeChild(title); // the styled tooltip replaces the browser's delayed one
      g.addEventListener('mouseenter', function (e) { tip.textContent = text; tip.hidden = false; place(e); });
      g.addEventListener('mousemove', place);
      g.addEventListener('mouseleave', function () { tip.hidden = true; });
    });
  }

  /* ---- item explorer (data layout: see ExplorerData.java) ---- */
  var dataEl = document.getElementById('item-data');
  var list = document.getElementById('item-list');
  if (!dataEl || !list) { return; }
  var data = JSON.parse(dataEl.textContent);
  var cands = data.candidates;
  var scorers = data.scorers;
  var items = data.items;
  var pageSize = parseInt(list.getAttribute('data-page-size'), 10) || 50;
  var search = document.getElementById('item-search');
  var order = document.getElementById('item-order');
  var filter = document.getElementById('item-filter');
  var slice = document.getElementById('item-slice');
  var status = document.getElementById('item-status');
  var boxes = document.querySelectorAll('input.item-candidate');
  var state = { rows: [], page: 0, needle: '' };
  var haystacks = [];

  each(document.querySelectorAll('#item-controls, .pager'), function (e) { e.hidden = false; });

  function selected() {
    var ids = {};
    each(boxes, function (b) { if (b.checked) { ids[b.value] = true; } });
    var out = [];
    cands.forEach(function (c, i) { if (ids[c.id]) { out.push(i); } });
    return out;
  }
  function haystack(i) {
    if (haystacks[i] === undefined) {
      var it = items[i];
      var parts = [it[0], it[2]];
      it[3].forEach(function (o) {
        if (o) {
          parts.push(o[0], o[1]);
          if (o[4]) { Object.keys(o[4]).forEach(function (k) { parts.push(o[4][k]); }); }
        }
      });
      haystacks[i] = parts.join('\n').toLowerCase();
    }
    return haystacks[i];
  }
  /* lowest quality and spread (highest - lowest) over the compared candidates; null when none was scored */
  function stats(it, sel) {
    var lo = null;
    var hi = null;
    sel.forEach(function (ci) {
      var o = it[3][ci];
      var q = o ? o[2] : null;
      if (q === null || q === undefined) { return; }
      lo = lo === null ? q : Math.min(lo, q);
      hi = hi === null ? q : Math.max(hi, q);
    });
    return { low: lo, high: hi, spread: lo === null ? null : hi - lo };
  }

  function apply(keepPage) {
    var sel = selected();
    var needle = search.value.trim().toLowerCase();
    var mode = filter.value;
    /* a slice is field=value; the field is a dataset field name, the value may hold '=' */
    var cut = null;
    if (slice && slice.value) {
      var eq = slice.value.indexOf('=');
      cut = { field: slice.value.substring(0, eq), value: slice.value.substring(eq + 1) };
    }
    var rows = [];
    for (var i = 0; i < items.length; i++) {
      var it = items[i];
      if (mode === 'holdout' && !it[1]) { continue; }
      if (mode === 'failed' && !it[3].some(function (o) { return o && o[1]; })) { continue; }
      if (cut && !(it[4] && it[4][cut.field] === cut.value)) { continue; }
      if (needle && haystack(i).indexOf(needle) < 0) { continue; }
      rows.push(i);
    }
    if (order.value !== 'file') {
      var key = {};
      rows.forEach(function (i) {
        var s = stats(items[i], sel);
        key[i] = order.value === 'lowest' ? s.low : s.spread;
      });
      var sign = order.value === 'lowest' ? 1 : -1;
      rows.sort(function (a, b) {
        var x = key[a];
        var y = key[b];
        if (x === null || y === null) { return (x === null ? 1 : 0) - (y === null ? 1 : 0) || a - b; }
        return sign * (x - y) || a - b;
      });
    }
    state.rows = rows;
    state.needle = needle;
    if (!keepPage) { state.page = 0; }
    render();
  }

  function textWithMarks(parent, text, needle) {
    var lower = text.toLowerCase();
    if (!needle || lower.length !== text.length) {
      parent.appendChild(document.createTextNode(text));
      return;
    }
    var from = 0;
    var at = lower.indexOf(needle);
    while (at >= 0) {
      parent.appendChild(document.createTextNode(text.slice(from, at)));
      parent.appendChild(el('mark', null, text.slice(at, at + needle.length)));
      from = at + needle.length;
      at = lower.indexOf(needle, from);
    }
    parent.appendChild(document.createTextNode(text.slice(from)));
  }

  function renderItem(index, sel, needle) {
    var it = items[index];
    var art = el('article', 'item');
    art.setAttribute('data-item', it[0]);
    var head = el('div', 'item-head');
    var id = el('span', 'item-id');
    textWithMarks(id, it[0], needle);
    head.appendChild(id);
    if (it[1]) { head.appendChild(el('span', 'tag', 'holdout')); }
    var s = stats(it, sel);
    head.appendChild(el('span', 'muted', 'lowest q ' + fmt(s.low) + ' · spread ' + fmt(s.spread)));
    art.appendChild(head);

    var body = el('div', 'item-body');
    var prompt = el('div', 'cell prompt');
    prompt.appendChild(el('h4', null, 'prompt'));
    var pre = el('pre', 'out');
    textWithMarks(pre, it[2], needle);
    prompt.appendChild(pre);
    body.appendChild(prompt);
    var grid = el('div', 'outputs');
    body.appendChild(grid);

    sel.forEach(function (ci) {
      var c = cands[ci];
      var o = it[3][ci];
      var cell = el('div', 'cell output');
      cell.setAttribute('data-candidate', c.id);
      var h = el('h4');
      h.appendChild(document.createTextNode(c.id));
      if (c.incumbent) { h.appendChild(el('span', 'tag inc', 'incumbent')); }
      if (c.recommended) { h.appendChild(el('span', 'tag rec', 'recommended')); }
      if (o) {
        var q = o[2];
        var badge = el('span', 'q', 'q ' + fmt(q));
        if (q !== null && s.spread) {
          if (q === s.low) { badge.className += ' worst'; }
          if (q === s.high) { badge.className += ' best'; }
        }
        h.appendChild(badge);
        cell.setAttribute('data-quality', q === null ? '' : String(q));
      }
      cell.appendChild(h);
      if (!o) {
        cell.appendChild(el('p', 'muted', 'no answer recorded'));
      } else {
        if (o[1]) {
          var err = el('p', 'err');
          textWithMarks(err, o[1], needle);
          cell.appendChild(err);
        } else {
          var out = el('pre', 'out');
          textWithMarks(out, o[0], needle);
          cell.appendChild(out);
        }
        cell.appendChild(el('div', 'scores', scorers.map(function (name, k) {
          return name + ' ' + (o[3][k] === null ? 'failed' : fmt(o[3][k]));
        }).join(' · ')));
        if (o[4]) {
          var notes = el('details');
          notes.appendChild(el('summary', null, 'notes'));
          Object.keys(o[4]).forEach(function (k) {
            var line = el('div', 'meta');
            textWithMarks(line, k + ': ' + o[4][k], needle);
            notes.appendChild(line);
          });
          cell.appendChild(notes);
        }
        cell.appendChild(el('div', 'meta', o[5] + ' ms · ' + o[6] + ' output tokens'));
      }
      grid.appendChild(cell);
    });
    art.appendChild(body);
    return art;
  }

  function render() {
    var sel = selected();
    var total = state.rows.length;
    var pages = Math.max(1, Math.ceil(total / pageSize));
    state.page = Math.min(state.page, pages - 1);
    var start = state.page * pageSize;
    var end = Math.min(total, start + pageSize);
    var frag = document.createDocumentFragment();
    for (var i = start; i < end; i++) { frag.appendChild(renderItem(state.rows[i], sel, state.needle)); }
    list.textContent = '';
    list.appendChild(frag);
    status.textContent = total === 0 ? 'no matching items (of ' + items.length + ')'
      : 'items ' + (start + 1) + '–' + end + ' of ' + total + (total < items.length ? ' matching (' + items.length + ' in all)' : '')
        + ' · page ' + (state.page + 1) + ' of ' + pages;
    each(document.querySelectorAll('#page-prev, #page-prev-bottom'), function (b) { b.disabled = state.page === 0; });
    each(document.querySelectorAll('#page-next, #page-next-bottom'), function (b) { b.disabled = state.page >= pages - 1; });
  }

  function turn(delta, scroll) {
    state.page += delta;
    render();
    if (scroll) { document.getElementById('items-section').scrollIntoView(); }
  }
  document.getElementById('page-prev').addEventListener('click', function () { turn(-1, false); });
  document.getElementById('page-next').addEventListener('click', function () { turn(1, false); });
  document.getElementById('page-prev-bottom').addEventListener('click', function () { turn(-1, true); });
  document.getElementById('page-next-bottom').addEventListener('click', function () { turn(1, true); });
  var timer = null;
  search.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { apply(false); }, 120);
  });
  order.addEventListener('change', function () { apply(false); });
  filter.addEventListener('change', function () { apply(false); });
  if (slice) { slice.addEventListener('change', function () { apply(false); }); }
  each(boxes, function (b) { b.addEventListener('change', function () { apply(true); }); });

  /* printing shows every note */
  window.addEventListener('beforeprint', function () {
    each(document.querySelectorAll('details'), function (d) { d.open = true; });
  });
  apply(false);
})();

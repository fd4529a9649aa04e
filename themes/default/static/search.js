// gcdocs search: loads search-index.js (a script that sets window.gcdocsSearch, so it also
// works from file://) the first time the search box is used, then answers queries locally.
// Every text shown comes from the index and is set with textContent, never as HTML.
(function () {
  'use strict';
  var form = document.querySelector('form.search');
  if (!form) { return; }
  var input = form.querySelector('input');
  var box = form.querySelector('.search-results');
  var root = form.getAttribute('data-root') || '';
  var state = 'idle';
  var waiting = [];
  var active = -1;
  var SHOWN = 30;
  var MAX_VISITS = 50000;

  function load(then) {
    if (state === 'ready') { then(); return; }
    waiting.push(then);
    if (state === 'loading') { return; }
    state = 'loading';
    var script = document.createElement('script');
    script.src = root + 'search-index.js';
    script.onload = function () { state = window.gcdocsSearch ? 'ready' : 'failed'; flush(); };
    script.onerror = function () { state = 'failed'; flush(); };
    document.head.appendChild(script);
  }

  function flush() {
    var pending = waiting;
    waiting = [];
    pending.forEach(function (f) { f(); });
  }

  function tokenize(text, maxLen) {
    return text.toLowerCase().split(/[^\p{Alphabetic}\p{N}]+/u).filter(Boolean).map(function (w) {
      return Array.from(w).slice(0, maxLen).join('');
    });
  }

  function find(trie, word) {
    var node = trie;
    for (var ch of word) {
      node = node[ch];
      if (!node) { return null; }
    }
    return node;
  }

  // Documents under a trie node: the word itself at full weight, longer words a little less.
  function gather(node, exact, out, budget) {
    if (budget.left-- <= 0) { return; }
    if (node.$) {
      for (var doc in node.$) {
        var tf = node.$[doc] * (exact ? 1 : 0.6);
        if (!(doc in out) || out[doc] < tf) { out[doc] = tf; }
      }
    }
    for (var key in node) {
      if (key !== '$') { gather(node[key], false, out, budget); }
    }
  }

  function search(query) {
    var data = window.gcdocsSearch;
    var words = tokenize(query, data.maxLen);
    if (words.length === 0) { return []; }
    var total = data.docs.length;
    var scores = null;
    words.forEach(function (word) {
      var wordScores = {};
      Object.keys(data.index).forEach(function (field) {
        var node = find(data.index[field], word);
        if (!node) { return; }
        var docs = {};
        gather(node, true, docs, { left: MAX_VISITS });
        var df = Object.keys(docs).length;
        var idf = 1 + Math.log(total / (1 + df) + 1);
        for (var doc in docs) {
          wordScores[doc] = (wordScores[doc] || 0) + data.boosts[field] * docs[doc] * idf;
        }
      });
      if (scores === null) {
        scores = wordScores;
      } else {
        var both = {};
        for (var doc in scores) { if (doc in wordScores) { both[doc] = scores[doc] + wordScores[doc]; } }
        scores = both;
      }
    });
    return Object.keys(scores).map(function (doc) {
      return { doc: data.docs[Number(doc)], score: scores[doc] };
    }).sort(function (a, b) {
      return b.score - a.score || a.doc[1].localeCompare(b.doc[1]);
    });
  }

  function note(text) {
    var p = document.createElement('p');
    p.className = 'search-note';
    p.textContent = text;
    return p;
  }

  function show(query) {
    box.replaceChildren();
    active = -1;
    if (state === 'failed') {
      box.appendChild(note('The search index could not be loaded.'));
      box.hidden = false;
      return;
    }
    var results = search(query);
    if (results.length === 0) {
      box.appendChild(note('No page matches “' + query + '”.'));
    }
    results.slice(0, SHOWN).forEach(function (result) {
      var link = document.createElement('a');
      link.href = root + result.doc[0];
      link.className = 'search-result';
      var title = document.createElement('span');
      title.className = 'result-title';
      title.textContent = result.doc[1];
      var meta = document.createElement('span');
      meta.className = 'result-meta';
      meta.textContent = (result.doc[2] ? result.doc[2] + ' · ' : '') + decodeURIComponent(result.doc[0]);
      link.appendChild(title);
      link.appendChild(meta);
      box.appendChild(link);
    });
    if (results.length > SHOWN) {
      box.appendChild(note((results.length - SHOWN) + ' more: add a word to narrow the search.'));
    }
    box.hidden = false;
  }

  function update() {
    var query = input.value.trim();
    if (query.length < 2) { box.hidden = true; return; }
    load(function () { if (input.value.trim() === query) { show(query); } });
  }

  function move(step) {
    var links = box.querySelectorAll('a.search-result');
    if (links.length === 0) { return; }
    if (active >= 0) { links[active].classList.remove('active'); }
    active = (active + step + links.length) % links.length;
    links[active].classList.add('active');
    links[active].scrollIntoView({ block: 'nearest' });
  }

  var timer = null;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(update, 60);
  });
  input.addEventListener('focus', function () { load(function () {}); if (box.childElementCount) { box.hidden = false; } });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowDown') { event.preventDefault(); move(1); }
    else if (event.key === 'ArrowUp') { event.preventDefault(); move(-1); }
    else if (event.key === 'Escape') { box.hidden = true; input.blur(); }
    else if (event.key === 'Enter') {
      var links = box.querySelectorAll('a.search-result');
      var target = links[active >= 0 ? active : 0];
      if (target) { window.location.href = target.href; }
    }
  });
  document.addEventListener('click', function (event) {
    if (!form.contains(event.target)) { box.hidden = true; }
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === '/' && document.activeElement !== input) { event.preventDefault(); input.focus(); }
  });
})();

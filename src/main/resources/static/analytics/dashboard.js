// CheckupFlow managers' dashboard: one request to /api/analytics/dashboard, one chart per table.
(function () {
  'use strict';
  const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];
  const charts = [];

  function params() {
    const q = new URLSearchParams(window.location.search);
    const p = new URLSearchParams();
    ['from', 'to', 'center'].forEach(k => { if (q.get(k)) { p.set(k, q.get(k)); } });
    return p;
  }

  let labels = {};

  /** What people read for a key of the tables: the server's labels, else the key itself. */
  function t(kind, key) {
    return labels[kind + '.' + key] || key;
  }

  function column(table, name) {
    const i = table.columns.indexOf(name);
    return table.rows.map(r => r[i]);
  }

  function chart(article, config, points) {
    const box = document.createElement('div');
    box.className = 'chart';
    const canvas = document.createElement('canvas');
    box.appendChild(canvas);
    article.appendChild(box);
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
    charts.push(new Chart(canvas, config));
    canvas.dataset.points = String(points);
  }

  function dataset(label, data, i, extra) {
    return Object.assign({ label: label, data: data, backgroundColor: COLORS[i % COLORS.length],
      borderColor: COLORS[i % COLORS.length] }, extra || {});
  }

  /** An axis of whole counts: integer ticks only. */
  function countAxis(extra) {
    return Object.assign({ beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: t('axis', 'count') } },
      extra || {});
  }

  /** An axis of shares, shown as 0–100 %. */
  function shareAxis(extra) {
    return Object.assign({ min: 0, max: 100, ticks: { precision: 0, callback: v => v + '%' },
      title: { display: true, text: t('axis', 'share') } }, extra || {});
  }

  function percent(v) {
    return v === null ? null : Math.round(v * 1000) / 10;
  }

  function empty(article) {
    const p = document.createElement('p');
    p.className = 'empty';
    p.textContent = '이 기간에 데이터가 없습니다.';
    article.appendChild(p);
  }

  function table(article, tb, kind) {
    const el = document.createElement('table');
    const head = el.insertRow();
    tb.columns.forEach(c => { const th = document.createElement('th'); th.textContent = t('column', c); head.appendChild(th); });
    tb.rows.forEach(r => {
      const tr = el.insertRow();
      const share = !COUNT_FIGURES.includes(r[0]);
      tr.insertCell().textContent = t(kind, r[0]);
      tr.insertCell().textContent = r[1] === null ? '–' : share ? percent(r[1]) + '%' : r[1];
    });
    article.appendChild(el);
  }

  /** The figures of the "ai" table that are counts; every other one is a share (0–1). */
  const COUNT_FIGURES = ['drafts', 'approvals'];

  const RENDER = {
    bar(article, tb, kind) {
      const names = tb.rows.map(r => t(kind, r[0]));
      const data = tb.rows.map(r => r[1]);
      chart(article, { type: 'bar', data: { labels: names, datasets: [dataset(t('axis', 'count'), data, 0)] },
        options: { plugins: { legend: { display: false } }, scales: { y: countAxis() } } }, data.length);
    },
    hbar(article, tb, kind) {
      if (!tb.rows.length) { empty(article); return; }
      const data = tb.rows.map(r => r[1]);
      chart(article, { type: 'bar', data: { labels: tb.rows.map(r => t(kind, r[0])),
        datasets: [dataset(t('axis', 'count'), data, 2)] },
        options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: countAxis() } } }, data.length);
    },
    stages(article, tb) {
      const rows = tb.rows.filter(r => r[1] > 0);
      if (!rows.length) { empty(article); return; }
      chart(article, { type: 'bar', data: { labels: rows.map(r => t('stage', r[0])), datasets: [
        dataset(t('series', 'p50'), rows.map(r => r[2]), 0), dataset(t('series', 'p90'), rows.map(r => r[3]), 1)] },
        // Ticks at powers of ten only (0.01, 0.1, 1, 10, …), written as plain numbers.
        options: { scales: { y: { type: 'logarithmic', title: { display: true, text: t('axis', 'minutes') },
          ticks: { callback: v => (Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9
            ? Number(v).toLocaleString('ko-KR', { maximumFractionDigits: 2 }) : '') } } } } },
        rows.length);
    },
    centers(article, tb) {
      if (!tb.rows.length) { empty(article); return; }
      chart(article, { type: 'bar', data: { labels: column(tb, 'center').map(c => t('center', c)), datasets: [
        dataset(t('series', 'p50') + ' · ' + t('axis', 'hours'), column(tb, 'p50Hours'), 0),
        dataset(t('series', 'p90') + ' · ' + t('axis', 'hours'), column(tb, 'p90Hours'), 1),
        dataset(t('series', 'received') + ' · ' + t('axis', 'count'), column(tb, 'received'), 2,
          { type: 'line', yAxisID: 'n' })] },
        options: { scales: { y: { beginAtZero: true, title: { display: true, text: t('axis', 'hours') } },
          n: countAxis({ position: 'right', grid: { display: false } }) } } }, tb.rows.length);
    },
    backlog(article, tb) {
      if (!tb.rows.length) { empty(article); return; }
      const ages = ['under1d', '1to3d', '3to7d', 'over7d'];
      const names = ['1일 미만', '1–3일', '3–7일', '7일 이상'];
      chart(article, { type: 'bar', data: { labels: column(tb, 'stage').map(s => t('stage', s)),
        datasets: ages.map((a, i) => dataset(names[i], column(tb, a), [2, 0, 1, 3][i])) },
        options: { scales: { x: { stacked: true }, y: countAxis({ stacked: true }) } } }, tb.rows.length);
    },
    throughput(article, tb) {
      chart(article, { type: 'line', data: { labels: column(tb, 'day'), datasets: [
        dataset(t('series', 'received'), column(tb, 'received'), 0),
        dataset(t('series', 'issued'), column(tb, 'issued'), 2)] },
        options: { scales: { y: countAxis() } } }, tb.rows.length);
    },
    ai(article, tb) {
      table(article, tb, 'figure');
      const rows = tb.rows.filter(r => r[1] !== null);
      if (!rows.length) { return; }
      // Counts on the left axis, shares (%) on the right: never one 0–1 axis for both.
      const counts = rows.map(r => (COUNT_FIGURES.includes(r[0]) ? r[1] : null));
      const shares = rows.map(r => (COUNT_FIGURES.includes(r[0]) ? null : percent(r[1])));
      chart(article, { type: 'bar', data: { labels: rows.map(r => t('figure', r[0])), datasets: [
        dataset(t('axis', 'count'), counts, 0, { yAxisID: 'y', skipNull: true }),
        dataset(t('axis', 'share'), shares, 4, { yAxisID: 'share', skipNull: true })] },
        options: { scales: { y: countAxis({ position: 'left' }), share: shareAxis({ position: 'right', grid: { display: false } }) } } },
        rows.length);
    },
    outcomes(article, tb) {
      if (!tb.rows.length) { empty(article); return; }
      const groups = tb.columns.slice(3);
      chart(article, { type: 'bar', data: {
        labels: tb.rows.map(r => t('center', r[0]) + ' ' + r[1] + ' (' + r[2] + '건)'),
        datasets: groups.map((g, i) => dataset(g, column(tb, g).map(percent), [2, 0, 1, 3, 7][i])) },
        options: { scales: { x: { stacked: true }, y: shareAxis({ stacked: true }) } } }, tb.rows.length);
    }
  };

  /** The kind of key in the first column of each table (for the labels). */
  const KINDS = { 'end-to-end-distribution': 'band', 'sla-breaches': 'breach', 'check-findings': 'finding',
    'abnormal-items': 'item' };

  function kpis(data) {
    const sla = data.tables['sla-breaches'].rows;
    const total = sla.reduce((s, r) => s + r[1], 0);
    const centers = data.tables.centers.rows;
    const received = centers.reduce((s, r) => s + r[1], 0);
    const completed = centers.reduce((s, r) => s + r[2], 0);
    const box = document.getElementById('kpis');
    box.innerHTML = '';
    [['접수', received, false], ['완료', completed, false], ['SLA 위반', total, total > 0]]
      .forEach(([label, value, bad]) => {
        const div = document.createElement('div');
        div.className = 'kpi' + (bad ? ' bad' : '');
        const b = document.createElement('b');
        b.textContent = value;
        div.appendChild(b);
        div.appendChild(document.createTextNode(label));
        box.appendChild(div);
      });
  }

  function render(data) {
    charts.splice(0).forEach(c => c.destroy());
    const p = params();
    document.querySelectorAll('article[data-table]').forEach(article => {
      article.querySelectorAll('.chart, table, .empty, .csv').forEach(e => e.remove());
      const name = article.dataset.table;
      const link = document.createElement('a');
      link.className = 'csv';
      link.href = '/api/analytics/' + name + '.csv' + (p.toString() ? '?' + p : '');
      link.textContent = 'CSV';
      article.appendChild(link);
      RENDER[article.dataset.chart](article, data.tables[name], KINDS[name]);
    });
    kpis(data);
  }

  function load() {
    const p = params();
    const status = document.getElementById('status');
    fetch('/api/analytics/dashboard' + (p.toString() ? '?' + p : ''), { headers: { Accept: 'application/json' } })
      .then(r => r.json().then(body => ({ ok: r.ok, body })))
      .then(({ ok, body }) => {
        if (!ok) { throw new Error(body.detail || body.title || 'error'); }
        document.getElementById('from').value = body.from;
        document.getElementById('to').value = body.to;
        labels = body.labels || {};
        const select = document.getElementById('center');
        if (select.options.length === 1) {
          body.centers.forEach(c => {
            const o = document.createElement('option'); o.value = c; o.textContent = t('center', c); select.appendChild(o);
          });
        }
        select.value = body.center || '';
        render(body);
        status.textContent = body.from + ' – ' + body.to + ' · ' + (body.center ? t('center', body.center) : '전체 센터');
        document.body.dataset.loaded = 'true';
      })
      .catch(e => { status.textContent = '오류: ' + e.message; document.body.dataset.loaded = 'error'; });
  }

  document.getElementById('filters').addEventListener('submit', ev => {
    ev.preventDefault();
    const p = new URLSearchParams();
    ['from', 'to', 'center'].forEach(k => { const v = document.getElementById(k).value; if (v) { p.set(k, v); } });
    history.replaceState(null, '', '/dashboard' + (p.toString() ? '?' + p : ''));
    load();
  });
  load();
}());

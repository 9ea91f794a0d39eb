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

  function empty(article) {
    const p = document.createElement('p');
    p.className = 'empty';
    p.textContent = '이 기간에 데이터가 없습니다. No data in this range.';
    article.appendChild(p);
  }

  function table(article, t) {
    const el = document.createElement('table');
    const head = el.insertRow();
    t.columns.forEach(c => { const th = document.createElement('th'); th.textContent = c; head.appendChild(th); });
    t.rows.forEach(r => { const tr = el.insertRow(); r.forEach(v => { tr.insertCell().textContent = v === null ? 'n/a' : v; }); });
    article.appendChild(el);
  }

  const RENDER = {
    bar(article, t) {
      const labels = t.rows.map(r => r[0]);
      const data = t.rows.map(r => r[1]);
      chart(article, { type: 'bar', data: { labels, datasets: [dataset(t.columns[1], data, 0)] },
        options: { plugins: { legend: { display: false } } } }, data.length);
    },
    hbar(article, t) {
      if (!t.rows.length) { empty(article); return; }
      const data = t.rows.map(r => r[1]);
      chart(article, { type: 'bar', data: { labels: t.rows.map(r => r[0]), datasets: [dataset(t.columns[1], data, 2)] },
        options: { indexAxis: 'y', plugins: { legend: { display: false } } } }, data.length);
    },
    stages(article, t) {
      const rows = t.rows.filter(r => r[1] > 0);
      if (!rows.length) { empty(article); return; }
      chart(article, { type: 'bar', data: { labels: rows.map(r => r[0]), datasets: [
        dataset('p50', rows.map(r => r[2]), 0), dataset('p90', rows.map(r => r[3]), 1)] },
        options: { scales: { y: { type: 'logarithmic', title: { display: true, text: 'minutes' } } } } }, rows.length);
    },
    centers(article, t) {
      if (!t.rows.length) { empty(article); return; }
      chart(article, { type: 'bar', data: { labels: column(t, 'center'), datasets: [
        dataset('p50 h', column(t, 'p50Hours'), 0), dataset('p90 h', column(t, 'p90Hours'), 1),
        dataset('received', column(t, 'received'), 2, { type: 'line', yAxisID: 'n' })] },
        options: { scales: { y: { title: { display: true, text: 'hours' } },
          n: { position: 'right', grid: { display: false } } } } }, t.rows.length);
    },
    backlog(article, t) {
      if (!t.rows.length) { empty(article); return; }
      const ages = ['under1d', '1to3d', '3to7d', 'over7d'];
      const names = ['< 1일', '1–3일', '3–7일', '> 7일'];
      chart(article, { type: 'bar', data: { labels: column(t, 'stage'),
        datasets: ages.map((a, i) => dataset(names[i], column(t, a), [2, 0, 1, 3][i])) },
        options: { scales: { x: { stacked: true }, y: { stacked: true } } } }, t.rows.length);
    },
    throughput(article, t) {
      chart(article, { type: 'line', data: { labels: column(t, 'day'), datasets: [
        dataset('received 접수', column(t, 'received'), 0), dataset('issued 발행', column(t, 'issued'), 2)] } },
        t.rows.length);
    },
    ai(article, t) {
      table(article, t);
      const rates = t.rows.filter(r => r[0] !== 'drafts' && r[0] !== 'approvals' && r[1] !== null);
      if (!rates.length) { return; }
      chart(article, { type: 'bar', data: { labels: rates.map(r => r[0]),
        datasets: [dataset('share', rates.map(r => r[1]), 4)] },
        options: { plugins: { legend: { display: false } }, scales: { y: { min: 0, max: 1 } } } }, rates.length);
    },
    outcomes(article, t) {
      if (!t.rows.length) { empty(article); return; }
      const groups = t.columns.slice(3);
      chart(article, { type: 'bar', data: { labels: t.rows.map(r => r[0] + ' ' + r[1]),
        datasets: groups.map((g, i) => dataset(g, column(t, g), [2, 0, 1, 3, 7][i])) },
        options: { scales: { x: { stacked: true }, y: { stacked: true, max: 1 } } } }, t.rows.length);
    }
  };

  function kpis(data) {
    const sla = data.tables['sla-breaches'].rows;
    const total = sla.reduce((s, r) => s + r[1], 0);
    const centers = data.tables.centers.rows;
    const received = centers.reduce((s, r) => s + r[1], 0);
    const completed = centers.reduce((s, r) => s + r[2], 0);
    const box = document.getElementById('kpis');
    box.innerHTML = '';
    [['접수 Received', received, false], ['완료 Completed', completed, false], ['SLA 위반 Breaches', total, total > 0]]
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
      RENDER[article.dataset.chart](article, data.tables[name]);
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
        const select = document.getElementById('center');
        if (select.options.length === 1) {
          body.centers.forEach(c => { const o = document.createElement('option'); o.value = c; o.textContent = c; select.appendChild(o); });
        }
        select.value = body.center || '';
        render(body);
        status.textContent = body.from + ' – ' + body.to + (body.center ? ' · ' + body.center : ' · 전체 센터 all centers');
        document.body.dataset.loaded = 'true';
      })
      .catch(e => { status.textContent = '오류 Error: ' + e.message; document.body.dataset.loaded = 'error'; });
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

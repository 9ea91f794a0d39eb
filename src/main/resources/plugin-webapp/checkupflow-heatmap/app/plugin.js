// CheckupFlow Cockpit plugin "checkupflow-heatmap" (this script and plugin.css are the plugin's assets, served by
// Cockpit): colours each activity of the process definition diagram by its p90 duration (analytics timeline, last 30
// days) and shows count / average / p90 of the activity under the pointer in the legend bar below the diagram (the
// diagram is fitted above the bar, so neither covers it). The figures come from the plugin's own REST resource on the
// Cockpit session (no other login); it answers 403 to users who are neither managers nor administrators.

function minutes(m) {
  if (m === null || m === undefined) { return 'n/a'; }
  if (m < 1) { return Math.round(m * 60) + '초'; }
  if (m < 120) { return m.toFixed(1) + '분'; }
  if (m < 2880) { return (m / 60).toFixed(1) + '시간'; }
  return (m / 1440).toFixed(1) + '일';
}

function colour(p90, min, max) {
  // Log scale: durations range from milliseconds (service tasks) to days (reviews).
  const lo = Math.log10(Math.max(min, 0.001));
  const hi = Math.log10(Math.max(max, 0.001));
  const t = hi > lo ? (Math.log10(Math.max(p90, 0.001)) - lo) / (hi - lo) : 0;
  return 'hsl(' + Math.round(120 * (1 - t)) + ',72%,48%)';
}

/** The bar below the diagram: the colour scale and the figures of the activity under the pointer. */
function legend(viewer, html) {
  const container = viewer.get('canvas').getContainer();
  let box = container.querySelector('.cf-heat-legend');
  if (!box) {
    box = document.createElement('div');
    box.className = 'cf-heat-legend';
    container.appendChild(box);
  }
  box.innerHTML = html;
  return box;
}

/** Fits the diagram into the space above the legend bar, so that the bar never covers an element. */
function makeRoom(viewer, bar) {
  const canvas = viewer.get('canvas');
  const { inner, outer } = canvas.viewbox();
  const reserve = bar.offsetHeight + 24;
  const margin = 20;
  const scale = Math.min(outer.width / (inner.width + 2 * margin), (outer.height - reserve) / (inner.height + 2 * margin));
  if (!(scale > 0) || !isFinite(scale)) { return; }
  canvas.viewbox({ x: inner.x - margin, y: inner.y - margin, width: outer.width / scale, height: outer.height / scale });
}

function figures(r) {
  return '건수 ' + r.count + ' · 평균 ' + minutes(r.avg) + ' · p90 ' + minutes(r.p90);
}

function draw(viewer, table) {
  const registry = viewer.get('elementRegistry');
  const overlays = viewer.get('overlays');
  const rows = table.rows
    .map(r => ({ id: r[0], count: r[1], avg: r[2], p90: r[3] }))
    .filter(r => registry.get(r.id) && r.p90 !== null);
  if (!rows.length) { return; }
  const p90s = rows.map(r => r.p90);
  const min = Math.min(...p90s);
  const max = Math.max(...p90s);
  overlays.remove({ type: 'cf-heat' });
  const bar = legend(viewer, '<span class="cf-heat-scale">p90 (최근 30일): 빠름<span></span>느림</span>'
    + '<span class="cf-heat-info">활동 위에 마우스를 올리면 건수·평균·p90이 여기에 표시됩니다.</span>');
  const info = bar.querySelector('.cf-heat-info');
  rows.forEach(r => {
    const element = registry.get(r.id);
    const box = document.createElement('div');
    box.className = 'cf-heat-box';
    box.dataset.activityId = r.id;
    box.title = figures(r);
    const heat = document.createElement('div');
    heat.className = 'cf-heat';
    heat.style.width = element.width + 'px';
    heat.style.height = element.height + 'px';
    heat.style.background = colour(r.p90, min, max);
    box.appendChild(heat);
    const name = (element.businessObject && element.businessObject.name) || r.id;
    box.addEventListener('mouseenter', () => { info.textContent = name.replace(/\s+/g, ' ') + ': ' + figures(r); });
    overlays.add(r.id, 'cf-heat', { position: { top: 0, left: 0 }, html: box });
  });
  makeRoom(viewer, bar);
}

function getJson(url) {
  // Same origin with the Cockpit session cookie; a GET needs no CSRF token.
  return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(r => (r.ok ? r.json()
      : Promise.reject(Object.assign(new Error('HTTP ' + r.status), { status: r.status }))));
}

function apis() {
  // Cockpit's own <base> names the APIs and, in its href (/camunda/app/cockpit/{engine}/), the engine. The api object
  // Cockpit 7.24 hands to diagram plugins carries no usable engine name (it is the whole page URL there).
  const base = document.querySelector('base');
  const engine = (base.getAttribute('href').match(/\/app\/cockpit\/([^/]+)\//) || [])[1] || 'default';
  return {
    definition: base.getAttribute('engine-api') + 'engine/' + encodeURIComponent(engine) + '/process-definition/',
    figures: base.getAttribute('cockpit-api') + 'plugin/checkupflow-heatmap/' + encodeURIComponent(engine)
      + '/activity-durations'
  };
}

function render(viewer, { processDefinitionId }) {
  const urls = apis();
  let table = null;
  // The plugin may be called before the diagram is imported: draw when both the figures and the diagram are there,
  // and again whenever Cockpit imports the diagram anew.
  viewer.on('import.done', () => { if (table) { draw(viewer, table); } });
  getJson(urls.definition + encodeURIComponent(processDefinitionId))
    .then(definition => getJson(urls.figures + '?processDefinitionKey=' + encodeURIComponent(definition.key)))
    .then(t => { table = t; draw(viewer, table); })
    .catch(e => {
      if (e.status === 403) {
        legend(viewer, '소요시간 히트맵은 관리자(manager)와 시스템 관리자만 볼 수 있습니다 (managers and administrators only).');
      } else {
        console.warn('CheckupFlow heatmap unavailable:', e.message);
      }
    });
}

export default [{
  id: 'checkupflow.analytics.heatmap',
  pluginPoint: 'cockpit.processDefinition.diagram.plugin',
  priority: 0,
  render: (viewer, context) => render(viewer, context)
}];

// CheckupFlow Cockpit plugin "checkupflow-heatmap" (this script and plugin.css are the plugin's assets, served by
// Cockpit): colours each activity of the process definition diagram by its p90 duration (analytics timeline, last 30
// days) and shows count / average / p90 on hover. The figures come from the plugin's own REST resource on the Cockpit
// session (no other login); it answers 403 to users who are neither managers nor administrators.

function minutes(m) {
  if (m === null || m === undefined) { return 'n/a'; }
  if (m < 1) { return Math.round(m * 60) + ' s'; }
  if (m < 120) { return m.toFixed(1) + ' min'; }
  if (m < 2880) { return (m / 60).toFixed(1) + ' h'; }
  return (m / 1440).toFixed(1) + ' d';
}

function colour(p90, min, max) {
  // Log scale: durations range from milliseconds (service tasks) to days (reviews).
  const lo = Math.log10(Math.max(min, 0.001));
  const hi = Math.log10(Math.max(max, 0.001));
  const t = hi > lo ? (Math.log10(Math.max(p90, 0.001)) - lo) / (hi - lo) : 0;
  return 'hsl(' + Math.round(120 * (1 - t)) + ',72%,48%)';
}

function legend(viewer, html) {
  const container = viewer.get('canvas').getContainer();
  let box = container.querySelector('.cf-heat-legend');
  if (!box) {
    box = document.createElement('div');
    box.className = 'cf-heat-legend';
    container.appendChild(box);
  }
  box.innerHTML = html;
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
  rows.forEach(r => {
    const element = registry.get(r.id);
    const box = document.createElement('div');
    box.className = 'cf-heat-box';
    box.dataset.activityId = r.id;
    box.style.position = 'relative';
    const heat = document.createElement('div');
    heat.className = 'cf-heat';
    heat.style.width = element.width + 'px';
    heat.style.height = element.height + 'px';
    heat.style.background = colour(r.p90, min, max);
    const label = document.createElement('div');
    label.className = 'cf-heat-label';
    label.textContent = 'n=' + r.count + ' · avg ' + minutes(r.avg) + ' · p90 ' + minutes(r.p90);
    box.title = label.textContent;
    box.appendChild(heat);
    box.appendChild(label);
    overlays.add(r.id, 'cf-heat', { position: { top: 0, left: 0 }, html: box });
  });
  legend(viewer, 'p90 (30 days): fast<span></span>slow');
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
        legend(viewer, 'Duration heatmap: managers and administrators only');
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

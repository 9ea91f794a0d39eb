// CheckupFlow Cockpit plugin: colours each activity of the process definition diagram by its duration (p90, from
// the analytics timeline, last 30 days) and shows count / average / p90 on hover. Data: /api/analytics/activity-durations.
const STYLE = `
.cf-heat { border-radius: 10px; opacity: .45; pointer-events: auto; }
.cf-heat-label { position: absolute; left: 0; top: 100%; margin-top: 2px; white-space: nowrap; font: 11px sans-serif;
  background: #fff; border: 1px solid #999; border-radius: 3px; padding: 1px 4px; display: none; z-index: 10; }
.cf-heat-box:hover .cf-heat-label { display: block; }
.cf-heat-box:hover .cf-heat { opacity: .7; }
.cf-heat-legend { position: absolute; right: 12px; bottom: 12px; font: 12px sans-serif; background: #fffd;
  padding: 4px 8px; border: 1px solid #ccc; border-radius: 4px; z-index: 5; }
.cf-heat-legend span { display: inline-block; width: 60px; height: 8px; margin: 0 4px;
  background: linear-gradient(90deg, hsl(120,70%,45%), hsl(60,80%,50%), hsl(0,75%,50%)); }
`;

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
  const container = viewer.get('canvas').getContainer();
  if (!container.querySelector('.cf-heat-legend')) {
    const legend = document.createElement('div');
    legend.className = 'cf-heat-legend';
    legend.innerHTML = 'p90 (30 days): fast<span></span>slow';
    container.appendChild(legend);
  }
}

function render(viewer) {
  if (!document.getElementById('cf-heat-style')) {
    const style = document.createElement('style');
    style.id = 'cf-heat-style';
    style.textContent = STYLE;
    document.head.appendChild(style);
  }
  let table = null;
  // The plugin may be called before the diagram is imported: draw when both the figures and the diagram are there,
  // and again whenever Cockpit imports the diagram anew.
  viewer.on('import.done', () => { if (table) { draw(viewer, table); } });
  fetch('/api/analytics/activity-durations', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(r => (r.ok ? r.json() : Promise.reject(new Error('HTTP ' + r.status))))
    .then(t => { table = t; draw(viewer, table); })
    .catch(e => console.warn('CheckupFlow heatmap unavailable:', e.message));
}

export default [{
  id: 'checkupflow.analytics.heatmap',
  pluginPoint: 'cockpit.processDefinition.diagram.plugin',
  priority: 0,
  render: (viewer) => render(viewer)
}];

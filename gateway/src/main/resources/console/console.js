// VoC console: CSRF token on every htmx request, and ECharts for elements with data-chart (JSON option).
// No inline scripts anywhere (the Content-Security-Policy forbids them).
document.addEventListener('htmx:configRequest', function (e) {
  e.detail.headers['X-CSRF-Token'] = document.body.dataset.csrf || '';
});
function vocCharts(root) {
  if (typeof echarts === 'undefined') { return; }
  (root || document).querySelectorAll('[data-chart]').forEach(function (el) {
    var opt;
    try { opt = JSON.parse(el.getAttribute('data-chart')); } catch (err) { return; }
    var chart = echarts.getInstanceByDom(el) || echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(opt, true);
    window.addEventListener('resize', function () { chart.resize(); });
  });
}
document.addEventListener('DOMContentLoaded', function () { vocCharts(document); });
document.addEventListener('htmx:afterSwap', function (e) { vocCharts(e.target); });

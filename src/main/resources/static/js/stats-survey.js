// Stad in cijfers, survey indicators: error bars of the 95% confidence interval on the trend chart that
// stats.js drew (loaded after it, both deferred), from the data-band attribute of #trend-survey
// ({periods, lower, upper, label}). The table beside the chart has the same intervals for screen readers.
// Under the strict CSP: no style attributes, the tooltip is DOM built by stats.js's formatter plus one line.
(function () {
  'use strict';
  var holder = document.getElementById('trend-survey');
  var el = document.getElementById('trend-chart');
  if (!holder || !el || !window.echarts) { return; }
  var chart = window.echarts.getInstanceByDom(el);
  var band;
  try { band = JSON.parse(holder.getAttribute('data-band')); } catch (e) { return; }
  if (!chart || !band || !band.periods) { return; }

  var ENGLISH = document.documentElement.lang === 'en';
  var decimals = parseInt(el.getAttribute('data-decimals') || '0', 10);
  var format = new Intl.NumberFormat(ENGLISH ? 'en-GB' : 'nl-BE',
    { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  var COLOUR = '#1f1f1f';

  function present(value) {
    return value !== null && value !== undefined && value !== '-' && !isNaN(value);
  }

  var bars = [];
  band.periods.forEach(function (period, i) {
    if (present(band.lower[i]) && present(band.upper[i])) {
      bars.push([i, band.lower[i], band.upper[i]]);
    }
  });
  if (!bars.length) { return; }

  /** One error bar: the interval as a vertical line with short caps. */
  function renderItem(params, api) {
    var x = api.value(0);
    var low = api.coord([x, api.value(1)]);
    var high = api.coord([x, api.value(2)]);
    var cap = 6;
    var style = { stroke: COLOUR, lineWidth: 1.5 };
    return {
      type: 'group',
      children: [
        { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style: style },
        { type: 'line', shape: { x1: low[0] - cap, y1: low[1], x2: low[0] + cap, y2: low[1] }, style: style },
        { type: 'line', shape: { x1: high[0] - cap, y1: high[1], x2: high[0] + cap, y2: high[1] }, style: style }
      ]
    };
  }

  var option = chart.getOption();
  var original = option.tooltip && option.tooltip[0] && option.tooltip[0].formatter;

  /** stats.js's tooltip without the bars, and a line with the interval of the hovered edition. */
  function tooltip(params) {
    var list = (Array.isArray(params) ? params : [params]).filter(function (p) {
      return p.seriesName !== band.label;
    });
    var box = typeof original === 'function' ? original(list) : document.createElement('div');
    var index = list.length ? list[0].dataIndex : -1;
    if (box && box.appendChild && index >= 0 && present(band.lower[index]) && present(band.upper[index])) {
      var line = document.createElement('div');
      line.textContent = band.label + ': ' + format.format(band.lower[index]) + '\u2013'
        + format.format(band.upper[index]);
      box.appendChild(line);
    }
    return box;
  }

  var series = (option.series || []).map(function () { return {}; });
  series.push({
    name: band.label,
    type: 'custom',
    renderItem: renderItem,
    encode: { x: 0, y: [1, 2] },
    itemStyle: { color: COLOUR },
    data: bars,
    z: 1
  });
  // at once: the axis widens to the intervals, and the line would otherwise glide to its new place
  chart.setOption({ animation: false, series: series, tooltip: { formatter: tooltip } });
  el.setAttribute('data-survey-drawn', String(bars.length));
})();

// Charts of the roll-up page (Chart.js 4, MIT, served locally). The numbers come from data- attributes (no inline
// script under the CSP); each chart has a table with the same numbers beside it.
(function () {
    if (!window.Chart) {
        return;
    }

    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
        var data = JSON.parse(canvas.getAttribute('data-chart-data'));
        var type = canvas.getAttribute('data-chart');
        var datasets = [{ label: data.title, data: data.values, backgroundColor: '#1d5fb8', borderColor: '#1d5fb8', tension: 0.2, fill: false }];
        if (typeof data.target === 'number') {
            // What should arrive by the deadline: every participating unit's report.
            datasets.push({ label: data.targetLabel, data: data.labels.map(function () { return data.target; }), borderColor: '#b02a37', borderDash: [6, 4], pointRadius: 0, fill: false });
        }

        new Chart(canvas, {
            type: type,
            data: { labels: data.labels, datasets: datasets },
            options: {
                animation: false,
                responsive: true,
                plugins: {
                    legend: { display: datasets.length > 1 },
                    title: { display: !!data.deadline, text: data.deadline ? '报送截止：' + data.deadline : '' }
                },
                scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
            }
        });
    });
})();

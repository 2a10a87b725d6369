// Font-size switch (字体：大 中 小), remembered on this device. No inline script: the CSP forbids it.
(function () {
    var key = 'cp.fontSize';
    var root = document.documentElement;
    function apply(size) {
        root.classList.remove('fs-large', 'fs-small');
        if (size === 'large' || size === 'small') {
            root.classList.add('fs-' + size);
        }
    }
    try { apply(localStorage.getItem(key)); } catch (e) { /* storage may be disabled */ }
    document.querySelectorAll('[data-font-size]').forEach(function (button) {
        button.addEventListener('click', function () {
            var size = button.getAttribute('data-font-size');
            apply(size);
            try { localStorage.setItem(key, size); } catch (e) { /* ignore */ }
        });
    });
})();

// 打印本页.
document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
});

// Confirmation before destructive actions: <form data-confirm="确定…？">.
document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
        if (!window.confirm(form.getAttribute('data-confirm'))) {
            event.preventDefault();
        }
    });
});

// The same for one button of a form with several (e.g. 提交审核 next to 保存): <button data-confirm="…">.
document.querySelectorAll('button[data-confirm]').forEach(function (button) {
    button.addEventListener('click', function (event) {
        if (!window.confirm(button.getAttribute('data-confirm'))) {
            event.preventDefault();
        }
    });
});

// A form sent back with errors: the summary at its top takes the focus (it also has role="alert").
(function () {
    var summary = document.querySelector('[data-error-summary]');
    if (summary) {
        summary.focus();
    }
})();

// 自动保存 of the summary report. Saves a couple of seconds after typing stops and says "已保存 HH:mm" only when the
// server confirmed. Every change is also kept in this browser (localStorage) until the server has it, so an expired
// session (the server answers 401), a dropped connection or a closed tab loses nothing: reopening the page offers to
// restore it. No inline script (CSP): the form carries its settings in data- attributes.
(function () {
    var form = document.querySelector('form[data-autosave]');
    if (!form || !window.fetch || !window.FormData) {
        return;
    }

    var url = form.getAttribute('data-autosave');
    var key = form.getAttribute('data-draft-key');
    var status = document.getElementById('autosave-status');
    var banner = document.getElementById('draft-banner');
    var versionField = form.querySelector('input[name="Version"]');
    var timer = null;
    var saving = false;
    var again = false;
    var submitAfter = null;

    function say(text, kind) {
        if (status) {
            status.textContent = text;
            status.setAttribute('data-state', kind || '');
        }
    }

    function fields() {
        var data = {};
        new FormData(form).forEach(function (value, name) {
            if (name !== '__RequestVerificationToken' && typeof value === 'string') {
                data[name] = value;
            }
        });
        return data;
    }

    function keep() {
        try {
            localStorage.setItem(key, JSON.stringify({ at: Date.now(), fields: fields() }));
        } catch (e) { /* storage full or disabled: the server copy is all there is */ }
    }

    // What was typed, without the version (which changes with every save).
    function typed() {
        var data = fields();
        delete data.Version;
        return JSON.stringify(data);
    }

    function forget() {
        try { localStorage.removeItem(key); } catch (e) { /* ignore */ }
    }

    function save() {
        if (saving) {
            again = true;
            return;
        }

        saving = true;
        var sent = typed();
        say('正在保存…', 'saving');
        fetch(url, {
            method: 'POST',
            body: new FormData(form),
            credentials: 'same-origin',
            redirect: 'manual',
            headers: { 'X-Requested-With': 'XMLHttpRequest' }
        }).then(function (response) {
            if (response.status === 200) {
                return response.json().then(function (data) {
                    versionField.value = data.version;
                    if (typed() === sent) {
                        forget(); // otherwise the newer text stays kept until the next save
                    } else {
                        keep();
                    }

                    say('已保存 ' + data.savedAt, 'saved');
                });
            }

            if (response.status === 401 || response.type === 'opaqueredirect') {
                say('登录已过期，最近的修改未能保存到平台，已暂存在本机浏览器中。请重新登录后回到本页，按提示恢复并保存。', 'error');
                return null;
            }

            return response.json().catch(function () { return {}; }).then(function (data) {
                say((data && data.message) || '未能自动保存（报告可能已提交或已被他人修改），修改已暂存在本机浏览器中。请刷新页面。', 'error');
            });
        }).catch(function () {
            say('网络连接中断，未能自动保存，修改已暂存在本机浏览器中。', 'error');
        }).then(function () {
            saving = false;
            if (submitAfter) {
                // 保存 or 提交审核 pressed while an autosave was on its way: go on with the version it returned.
                var button = submitAfter;
                submitAfter = null;
                form.requestSubmit(button);
                return;
            }

            if (again) {
                again = false;
                schedule();
            }
        });
    }

    function schedule() {
        keep();
        clearTimeout(timer);
        timer = setTimeout(save, 1500);
    }

    form.addEventListener('input', schedule);
    form.addEventListener('change', schedule);
    form.addEventListener('submit', function (event) {
        clearTimeout(timer);
        if (saving) {
            event.preventDefault();
            submitAfter = event.submitter || form.querySelector('button[type=submit]');
            return;
        }

        keep(); // until the server has answered; the next page removes it when it matches what was saved
    });

    // A copy kept in this browser that differs from what the page shows: offer it back.
    var stored = null;
    try { stored = JSON.parse(localStorage.getItem(key) || 'null'); } catch (e) { stored = null; }
    if (!stored || !stored.fields) {
        return;
    }

    // Compared as text: the server tidies saved HTML, which is not a difference worth asking about.
    function text(value) {
        return String(value || '').replace(/<[^>]*>/g, '').replace(/&nbsp;|\s+/g, '');
    }

    var current = fields();
    var differs = Object.keys(stored.fields).some(function (name) {
        return name !== 'Version' && current[name] !== undefined && text(current[name]) !== text(stored.fields[name]);
    });
    if (!differs || !banner) {
        forget();
        return;
    }

    var when = new Date(stored.at);
    var time = ('0' + when.getHours()).slice(-2) + ':' + ('0' + when.getMinutes()).slice(-2);
    banner.querySelector('[data-draft-time]').textContent = time;
    banner.hidden = false;
    banner.querySelector('[data-draft-restore]').addEventListener('click', function () {
        Object.keys(stored.fields).forEach(function (name) {
            var field = form.elements.namedItem(name);
            if (!field || name === '__RequestVerificationToken') {
                return;
            }

            field.value = stored.fields[name];
            if (field.hasAttribute && field.hasAttribute('data-rich-text')) {
                field.dispatchEvent(new Event('rich-text:load'));
            }
        });
        banner.hidden = true;
        save();
    });
    banner.querySelector('[data-draft-discard]').addEventListener('click', function () {
        forget();
        banner.hidden = true;
    });
})();

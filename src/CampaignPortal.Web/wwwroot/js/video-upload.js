// 视频上传 in chunks that resume. The server tells how much it has; after a dropped connection the upload retries by
// itself, and after a reload choosing the same file again continues where it stopped (the upload's id is kept in
// this browser under the file's name, size and date). Without script the form posts the file normally (small cap).
(function () {
    var form = document.querySelector('form[data-video-upload]');
    if (!form || !window.fetch || !window.XMLHttpRequest || !window.Blob || !Blob.prototype.slice) {
        return;
    }

    var startUrl = form.getAttribute('data-video-upload');
    var input = form.querySelector('input[type=file]');
    var caption = form.querySelector('[name=caption]');
    var token = form.querySelector('input[name=__RequestVerificationToken]').value;
    var box = form.querySelector('[data-video-progress]');
    var bar = box.querySelector('progress');
    var text = box.querySelector('[data-video-text]');
    var cancelButton = box.querySelector('[data-video-cancel]');
    var submit = form.querySelector('button[type=submit]');
    var current = null;

    function mb(bytes) { return (bytes / 1048576).toFixed(1) + ' MB'; }

    function duration(seconds) {
        if (!isFinite(seconds)) { return '—'; }
        if (seconds < 60) { return Math.ceil(seconds) + ' 秒'; }
        if (seconds < 3600) { return Math.floor(seconds / 60) + ' 分 ' + Math.ceil(seconds % 60) + ' 秒'; }
        return Math.floor(seconds / 3600) + ' 小时 ' + Math.ceil((seconds % 3600) / 60) + ' 分';
    }

    function say(message) { text.textContent = message; }

    // The same file chosen again after a reload: same name, size and first 64 KB (its date is not reliable across browsers).
    function fingerprint(file) {
        if (!window.crypto || !crypto.subtle) {
            return Promise.resolve('');
        }

        return file.slice(0, 65536).arrayBuffer().then(function (head) {
            return crypto.subtle.digest('SHA-256', head);
        }).then(function (digest) {
            return Array.prototype.map.call(new Uint8Array(digest), function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
        }, function () { return ''; });
    }

    var keys = {};
    // Without a fingerprint (no crypto.subtle on plain http), the file's date has to do.
    function keyFor(file) { return 'cp.video.' + startUrl + '.' + file.name + '.' + file.size + '.' + (keys[file.name] || file.lastModified); }

    function headers(extra) {
        var result = { 'X-CSRF-TOKEN': token, 'X-Requested-With': 'XMLHttpRequest' };
        Object.keys(extra || {}).forEach(function (k) { result[k] = extra[k]; });
        return result;
    }

    function json(response) {
        return response.json().catch(function () { return {}; }).then(function (data) { return { status: response.status, data: data }; });
    }

    // Resume an upload this browser started for the same file, or start a new one.
    function begin(file) {
        var id = null;
        try { id = localStorage.getItem(keyFor(file)); } catch (e) { id = null; }
        var resume = id
            ? fetch('/uploads/' + id, { headers: headers(), credentials: 'same-origin' }).then(json)
            : Promise.resolve({ status: 404 });
        return resume.then(function (r) {
            if (r.status === 200 && !r.data.done) {
                say('继续上传：服务器已收到 ' + mb(r.data.received) + '。');
                return r.data;
            }

            return fetch(startUrl, {
                method: 'POST', credentials: 'same-origin',
                headers: headers({ 'Content-Type': 'application/json' }),
                body: JSON.stringify({ name: file.name, size: file.size, caption: caption.value })
            }).then(json).then(function (s) {
                if (s.status === 401) { throw new Error('登录已过期，请重新登录后再上传。'); }
                if (s.status !== 200) { throw new Error(s.data.message || '无法开始上传（' + s.status + '）。'); }
                try { localStorage.setItem(keyFor(file), s.data.id); } catch (e) { /* resume after reload will not be offered */ }
                return s.data;
            });
        });
    }

    function send(file, upload) {
        var state = { file: file, id: upload.id, received: upload.received, chunk: upload.chunkBytes, started: Date.now(), base: upload.received, retries: 0, conflicts: 0, finishing: 0, xhr: null, stopped: false };
        current = state;
        return new Promise(function (resolve, reject) {
            function progress(received) {
                var percent = Math.floor(received * 100 / file.size);
                bar.value = percent;
                var seconds = (Date.now() - state.started) / 1000;
                var speed = seconds > 0 ? (received - state.base) / seconds : 0;
                say('已上传 ' + mb(received) + ' / ' + mb(file.size) + '（' + percent + '%），速度 ' + (speed / 1048576).toFixed(1) + ' MB/秒，约剩 ' + duration(speed > 0 ? (file.size - received) / speed : Infinity));
            }

            function next() {
                if (state.stopped) { return; }
                if (state.received >= file.size && ++state.finishing > 3) {
                    // Everything arrived but the server did not finish: an empty chunk asks it to (tried a few times).
                    reject(new Error('服务器已收到全部数据，但未能完成处理。请稍后重新选择同一文件继续。'));
                    return;
                }

                var end = Math.min(file.size, state.received + state.chunk);
                var xhr = new XMLHttpRequest();
                state.xhr = xhr;
                xhr.open('PUT', '/uploads/' + state.id + '?offset=' + state.received);
                var h = headers({ 'Content-Type': 'application/octet-stream' });
                Object.keys(h).forEach(function (k) { xhr.setRequestHeader(k, h[k]); });
                xhr.upload.onprogress = function (e) { progress(state.received + e.loaded); };
                xhr.onload = function () {
                    var data = {};
                    try { data = JSON.parse(xhr.responseText || '{}'); } catch (e) { data = {}; }
                    if (xhr.status === 200) {
                        state.retries = 0;
                        state.conflicts = 0;
                        state.received = data.received;
                        progress(state.received);
                        if (data.done) { resolve(data); } else { next(); }
                    } else if (xhr.status === 409 && typeof data.received === 'number' && ++state.conflicts <= 5) {
                        state.received = data.received; // continue from what the server has, after a pause
                        setTimeout(next, 1000 * state.conflicts);
                    } else if (xhr.status === 409) {
                        reject(new Error(data.message || '另一个窗口可能正在上传同一文件，请关闭其他窗口后重新选择文件继续。'));
                    } else if (xhr.status === 401) {
                        reject(new Error('登录已过期。请重新登录，回到本页后重新选择同一文件，即可从中断处继续。'));
                    } else {
                        reject(new Error(data.message || '上传失败（' + xhr.status + '）。'));
                    }
                };
                xhr.onerror = function () {
                    state.retries += 1;
                    var wait = Math.min(30, Math.pow(2, state.retries));
                    say('网络中断，' + wait + ' 秒后自动重试（已收到 ' + mb(state.received) + '）…');
                    setTimeout(function () {
                        fetch('/uploads/' + state.id, { headers: headers(), credentials: 'same-origin' }).then(json).then(function (r) {
                            if (r.status === 200) { state.received = r.data.received; }
                            next();
                        }, next);
                    }, wait * 1000);
                };
                xhr.send(file.slice(state.received, end));
            }

            progress(state.received);
            next();
        });
    }

    form.addEventListener('submit', function (event) {
        var file = input.files && input.files[0];
        if (!file) {
            return; // the server says what is missing
        }

        event.preventDefault();
        box.hidden = false;
        submit.disabled = true;
        bar.value = 0;
        say('正在准备上传…');
        fingerprint(file).then(function (print) {
            keys[file.name] = print;
            return begin(file);
        }).then(function (upload) { return send(file, upload); }).then(function () {
            try { localStorage.removeItem(keyFor(file)); } catch (e) { /* ignore */ }
            say('上传完成，正在刷新页面…');
            window.location.assign(window.location.pathname + '#files');
            window.location.reload();
        }).catch(function (error) {
            submit.disabled = false;
            say(error.message);
        });
    });

    cancelButton.addEventListener('click', function () {
        if (!current) { return; }
        current.stopped = true;
        if (current.xhr) { current.xhr.abort(); }
        fetch('/uploads/' + current.id, { method: 'DELETE', headers: headers(), credentials: 'same-origin' });
        try { localStorage.removeItem(keyFor(current.file)); } catch (e) { /* ignore */ }
        current = null;
        submit.disabled = false;
        bar.value = 0;
        say('已取消上传。');
    });
})();

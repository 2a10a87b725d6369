// Rich text (Quill 2, BSD licence, served locally) on every <textarea data-rich-text>. Without JavaScript the text box
// still works: the server turns lines into paragraphs. Whatever is sent, the server sanitises it.
(function () {
    if (!window.Quill) {
        return;
    }

    document.querySelectorAll('textarea[data-rich-text]').forEach(function (textarea) {
        var holder = document.createElement('div');
        holder.className = 'rich-text-editor';
        holder.setAttribute('data-editor-for', textarea.id);
        textarea.parentNode.insertBefore(holder, textarea.nextSibling);
        var quill = new Quill(holder, {
            theme: 'snow',
            modules: {
                toolbar: [
                    [{ header: [2, 3, 4, false] }],
                    ['bold', 'italic', 'underline'],
                    [{ list: 'ordered' }, { list: 'bullet' }],
                    ['link'],
                    ['clean']
                ],
                table: true,
                // Tab leaves the editor, as in any other field, instead of typing a tab or indenting a list: a
                // keyboard user must be able to move on (WCAG 2.1.2).
                keyboard: {
                    bindings: {
                        tab: { key: 'Tab', handler: function () { return true; } },
                        indent: { key: 'Tab', format: ['blockquote', 'indent', 'list'], handler: function () { return true; } },
                        outdent: { key: 'Tab', shiftKey: true, format: ['blockquote', 'indent', 'list'], handler: function () { return true; } }
                    }
                }
            }
        });

        var initial = textarea.value;
        if (/<[a-z][\s\S]*>/i.test(initial)) {
            quill.clipboard.dangerouslyPasteHTML(initial);
        } else {
            quill.setText(initial);
        }

        var label = document.querySelector('label[for="' + textarea.id + '"]');
        if (label) {
            label.id = label.id || textarea.id + '-label';
            quill.root.setAttribute('aria-labelledby', label.id);
            label.addEventListener('click', function () { quill.focus(); });
        }

        quill.root.setAttribute('role', 'textbox');
        quill.root.setAttribute('aria-multiline', 'true');
        var help = textarea.getAttribute('aria-describedby');
        if (help) {
            quill.root.setAttribute('aria-describedby', help);
        }
        if (textarea.getAttribute('aria-invalid') === 'true') {
            quill.root.setAttribute('aria-invalid', 'true');
        }

        // Quill names its controls in English (or not at all): name them in Chinese for screen readers.
        var toolbar = holder.previousElementSibling;
        var names = {
            '.ql-bold': '加粗', '.ql-italic': '斜体', '.ql-underline': '下划线', '.ql-list[value="ordered"]': '编号列表',
            '.ql-list[value="bullet"]': '项目符号列表', '.ql-link': '插入链接', '.ql-clean': '清除格式', '.ql-picker-label': '段落样式'
        };
        if (toolbar && toolbar.classList.contains('ql-toolbar')) {
            toolbar.setAttribute('role', 'toolbar');
            toolbar.setAttribute('aria-label', (label ? label.textContent.trim() : '') + '格式');
            Object.keys(names).forEach(function (selector) {
                toolbar.querySelectorAll(selector).forEach(function (control) { control.setAttribute('aria-label', names[selector]); });
            });
        }

        textarea.hidden = true;
        function sync() {
            // getSemanticHTML gives real <ul>/<ol> and nested lists, where innerHTML marks bullets with attributes the server drops.
            textarea.value = quill.getText().trim().length === 0 && !quill.root.querySelector('table') ? '' : quill.getSemanticHTML();
        }

        textarea.form.addEventListener('submit', sync);

        // Typing keeps the text box current and tells the form (autosave listens for "input").
        quill.on('text-change', function (delta, old, source) {
            if (source === 'user') {
                sync();
                textarea.dispatchEvent(new Event('input', { bubbles: true }));
            }
        });

        // A script that put new HTML into the text box (restoring a draft) asks the editor to show it.
        textarea.addEventListener('rich-text:load', function () {
            quill.setContents([]);
            quill.clipboard.dangerouslyPasteHTML(textarea.value || '');
        });
    });
})();

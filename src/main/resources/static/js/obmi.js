// OBMi shell behaviour. No inline scripts anywhere (the CSP forbids them).
(function () {
  'use strict';
  // Send the CSRF token with every htmx request.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });
  // Move focus to the new content after an htmx swap so screen readers announce it.
  document.addEventListener('htmx:afterSwap', function (event) {
    var target = event.detail.target;
    if (target && target.hasAttribute('data-focus-after-swap')) {
      target.setAttribute('tabindex', '-1');
      target.focus();
    }
  });
  // Ask before destructive actions: <form data-confirm="…">.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });
  // Copy buttons: <button data-copy="#id">.
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy]');
    if (!button) { return; }
    var source = document.querySelector(button.dataset.copy);
    if (source && navigator.clipboard) {
      navigator.clipboard.writeText(source.textContent.trim());
      button.dataset.done = 'true';
    }
  });
}());
